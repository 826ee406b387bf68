package org.certfree.proofs.department;

/** What kind of body a department is (used for display and filtering, not for authorization). */
public enum DepartmentKind {
    /** A government department that holds data and issues proofs (公安局, 民政局 …). */
    GOVERNMENT_DEPARTMENT,
    /** A government service centre or county service window (政务服务中心、办事窗口). */
    SERVICE_CENTER,
    /** The justice bureau (司法局) that reviews and publishes the proof-matter lists. */
    JUSTICE_BUREAU,
    /** Another public body that asks for proofs (医院、学校、公共服务企业). */
    PUBLIC_INSTITUTION
}
