package org.certfree.proofs.proof;

import org.certfree.proofs.common.Masking;
import org.certfree.proofs.common.ResidentId;
import org.certfree.proofs.common.Uscc;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.proof.dto.SubjectInput;

/** A validated, normalized subject; the identifier is checked against its kind's check character. */
record ProofSubject(SubjectKind kind, String name, String id) {

    static ProofSubject of(SubjectInput input, String field) {
        String name = input.name().trim();
        String id = ResidentId.normalize(input.id());
        if (input.kind() == SubjectKind.PERSON) {
            ResidentId.problem(id).ifPresent(p -> {
                throw ApiException.invalid(field + ".id", Messages.RESIDENT_ID_INVALID.formatted(p));
            });
        } else {
            Uscc.problem(id).ifPresent(p -> {
                throw ApiException.invalid(field + ".id", Messages.USCC_INVALID.formatted(p));
            });
        }
        return new ProofSubject(input.kind(), name, id);
    }

    String maskedName() {
        return kind == SubjectKind.PERSON ? Masking.personName(name) : name;
    }

    String maskedId() {
        return kind == SubjectKind.PERSON ? ResidentId.mask(id) : Masking.uscc(id);
    }
}
