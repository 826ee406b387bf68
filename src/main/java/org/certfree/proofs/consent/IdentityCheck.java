package org.certfree.proofs.consent;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How a service-window clerk checked the identity of the person in front of them before acting in a
 * holder's name (代办, seed 二.(三) 兜底保障). The names are stable API values.
 */
@Schema(description = "ID_CARD_READER 身份证读卡器核验 / identity card read by a card reader; FACE_CHECK 人脸识别核验 / live face check; DOCUMENT 证件人工核验 / a document inspected by hand")
public enum IdentityCheck {
    /** The resident identity card read by a certified card reader (居民身份证阅读器), chip data matched. */
    ID_CARD_READER("身份证读卡器核验"),
    /** Live face comparison against the identity card or the population database (人脸识别). */
    FACE_CHECK("人脸识别核验"),
    /** The clerk inspected an identity document by hand (户口簿、护照、残疾人证等证件人工核验). */
    DOCUMENT("证件人工核验");

    private final String chinese;

    IdentityCheck(String chinese) {
        this.chinese = chinese;
    }

    /** The label the holder reads. */
    public String chinese() {
        return chinese;
    }

    public String uri() {
        return "urn:certfree:identity-check:" + name().toLowerCase().replace('_', '-');
    }
}
