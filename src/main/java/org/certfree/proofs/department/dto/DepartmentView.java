package org.certfree.proofs.department.dto;

import java.time.Instant;
import java.util.Set;
import org.certfree.proofs.department.Department;
import org.certfree.proofs.department.DepartmentKind;
import org.certfree.proofs.department.DepartmentRole;

/** A department as the API shows it. */
public record DepartmentView(
        String code,
        String name,
        DepartmentKind kind,
        String uscc,
        String regionCode,
        String parentCode,
        Set<DepartmentRole> roles,
        String address,
        String phone,
        boolean active,
        int version,
        Instant createdAt,
        Instant updatedAt) {

    public static DepartmentView of(Department d) {
        return new DepartmentView(d.code, d.name, d.kind, d.uscc, d.regionCode, d.parentCode, d.roles(), d.address,
                d.phone, d.active, d.version, d.createdAt, d.updatedAt);
    }
}
