package org.certfree.proofs.proof;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.certfree.proofs.proof.dto.SubjectRecordInput;
import org.certfree.proofs.system.audit.StaffActions;
import org.certfree.proofs.system.crypto.HolderIndex;
import org.certfree.proofs.system.crypto.PersonalDataProtector;
import org.certfree.proofs.system.security.Caller;

/**
 * What an issuing department's own systems hold about a subject for one of its matters (its 数据):
 * a request for an immediately issued matter (即时开具) is answered from it at once.
 */
@ApplicationScoped
public class SubjectRecords {

    /** The purpose (associated data) of a record's encrypted claims. */
    static final String CLAIMS = "subject_record.claims";

    private static final TypeReference<LinkedHashMap<String, String>> CLAIMS_TYPE = new TypeReference<>() {
    };

    @Inject
    StaffActions staffActions;

    @Inject
    IssuanceService issuance;

    @Inject
    PersonalDataProtector protector;

    @Inject
    HolderIndex holders;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    /** Records (or replaces) what the caller's department holds about the subject for its matter. */
    @Transactional
    public void put(String matterCode, SubjectRecordInput body, Caller caller) {
        IssuableMatter matter = issuance.issuableBy(matterCode, caller);
        ProofSubject subject = ProofSubject.of(body.subject(), "subject");
        SubjectRecord.Key key = new SubjectRecord.Key(matter.issuerDept(), matter.code(), holders.of(subject.id()));
        SubjectRecord record = SubjectRecord.<SubjectRecord>findByIdOptional(key).orElseGet(() -> {
            SubjectRecord fresh = new SubjectRecord();
            fresh.key = key;
            return fresh;
        });
        record.subjectKind = subject.kind();
        record.subjectNameEnc = protector.encrypt(subject.name(), IssuanceService.SUBJECT_NAME);
        record.subjectIdEnc = protector.encrypt(subject.id(), IssuanceService.SUBJECT_ID);
        record.claimsEnc = encryptClaims(body.claims());
        record.updatedAt = clock.instant();
        record.updatedBy = caller.subject();
        record.persist();
        staffActions.record(caller, "subject-record.saved", matter.issuerDept(), "matter", matter.code());
    }

    /** The subject as the department's record names it (decrypted). */
    ProofSubject subject(SubjectRecord record) {
        return new ProofSubject(record.subjectKind, protector.decrypt(record.subjectNameEnc, IssuanceService.SUBJECT_NAME),
                protector.decrypt(record.subjectIdEnc, IssuanceService.SUBJECT_ID));
    }

    /** The record's claims (decrypted), in the order the department gave them. */
    Map<String, String> claims(SubjectRecord record) {
        try {
            return json.readValue(protector.decrypt(record.claimsEnc, CLAIMS), CLAIMS_TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the claims of a subject record are not JSON", e);
        }
    }

    /** Claims as stored: JSON, encrypted under the personal-data key. */
    String encryptClaims(Map<String, String> claims) {
        try {
            return protector.encrypt(json.writeValueAsString(claims), CLAIMS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The department's record of the holder (by blind index) for the matter, if it holds one. */
    Optional<SubjectRecord> find(IssuableMatter matter, String subjectIdIndex) {
        return SubjectRecord.findByIdOptional(new SubjectRecord.Key(matter.issuerDept(), matter.code(), subjectIdIndex));
    }
}
