package org.certfree.proofs.verification;

import org.certfree.proofs.system.access.AccessKind;

/**
 * What an entry of a holder's access log records: a verification of one of their proofs (its result
 * kept beside it), or one of the {@link AccessKind}s others do with their data. The Chinese label is
 * what the holder reads.
 */
public enum AccessLogKind {
    /** A using unit verified one of the holder's proofs (the entry's {@code result} says how it ended). */
    VERIFICATION("核验证明"),
    /** A using unit received the content of a proof under the holder's consent: a verification that retrieved it, or a 调取. */
    RETRIEVAL(AccessKind.RETRIEVAL),
    /** See {@link AccessKind#PROOF_READ}. */
    PROOF_READ(AccessKind.PROOF_READ),
    /** See {@link AccessKind#PROOF_PDF}. */
    PROOF_PDF(AccessKind.PROOF_PDF),
    /** See {@link AccessKind#PROOF_QR}. */
    PROOF_QR(AccessKind.PROOF_QR),
    /** See {@link AccessKind#REQUEST_READ}. */
    REQUEST_READ(AccessKind.REQUEST_READ),
    /** See {@link AccessKind#ASSISTED_REQUEST}. */
    ASSISTED_REQUEST(AccessKind.ASSISTED_REQUEST),
    /** See {@link AccessKind#ASSISTED_CONSENT}. */
    ASSISTED_CONSENT(AccessKind.ASSISTED_CONSENT),
    /** See {@link AccessKind#AGENT_AUTHORISED}. */
    AGENT_AUTHORISED(AccessKind.AGENT_AUTHORISED),
    /** See {@link AccessKind#AGENT_AUTHORISATION_REVOKED}. */
    AGENT_AUTHORISATION_REVOKED(AccessKind.AGENT_AUTHORISATION_REVOKED);

    private final String chinese;

    AccessLogKind(String chinese) {
        this.chinese = chinese;
    }

    AccessLogKind(AccessKind kind) {
        this(kind.chinese());
    }

    /** The label the holder reads. */
    public String chinese() {
        return chinese;
    }

    /** The entry kind of a read or action fired through {@code HolderAccessLog} (same name). */
    static AccessLogKind of(AccessKind kind) {
        return valueOf(kind.name());
    }
}
