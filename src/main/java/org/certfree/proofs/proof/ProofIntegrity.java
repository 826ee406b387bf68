package org.certfree.proofs.proof;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.system.crypto.HolderIndex;
import org.certfree.proofs.system.integrity.IntegrityCheck;
import org.certfree.proofs.system.integrity.IntegrityFindings;

/**
 * The transparency check of the proofs: every stored proof's JWS must verify over its stored payload
 * and its stored disclosures must be exactly the ones its digests name (check {@code SIGNATURE}), and
 * every column that repeats the payload for queries — matter, issuer, subject (masked and indexed),
 * purpose, times, status-list slot — must say what the payload and disclosures say ({@code COLUMNS}). What is served comes from the payload; this shows who changed a row.
 * The status itself is not in the payload: {@code StatusListIntegrity} and the audit log check it.
 */
@ApplicationScoped
class ProofIntegrity implements IntegrityCheck {

    static final String SCOPE = "proofs";
    private static final int PAGE = 500;
    private static final int MAX_PROBLEMS = 100;

    @Inject
    SignedProofs signed;

    @Inject
    HolderIndex holders;

    @Override
    @Transactional
    public IntegrityFindings check() {
        List<IntegrityFindings.Problem> problems = new ArrayList<>();
        long checked = 0;
        UUID after = null;
        while (true) {
            List<Proof> page = after == null ? Proof.<Proof>find("order by id").page(0, PAGE).list()
                    : Proof.<Proof>find("id > ?1 order by id", after).page(0, PAGE).list();
            for (Proof p : page) {
                checked++;
                IntegrityFindings.Problem problem = problem(p);
                if (problem != null && problems.size() < MAX_PROBLEMS) {
                    problems.add(problem);
                }
            }
            Proof.getEntityManager().clear();
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1).id;
        }
        return new IntegrityFindings(SCOPE, checked, problems);
    }

    /** What is wrong with one stored proof (null: nothing): its signature, or the columns that differ from the payload. */
    private IntegrityFindings.Problem problem(Proof p) {
        SignedProofs.Checked checked = signed.check(p.payload, p.jwsSignatures, p.disclosuresEnc, true);
        if (checked.problem() != null) {
            return new IntegrityFindings.Problem("SIGNATURE", p.number, Messages.PROOF_CHECK_SIGNATURE.formatted(checked.problem()));
        }
        SignedProof c = checked.content();
        Map<String, Boolean> same = new LinkedHashMap<>();
        same.put("number", c.number().equals(p.number));
        same.put("kind", c.isPledge() == (p.kind == DocumentKind.PLEDGE));
        same.put("matter_code", c.matterCode().equals(p.matterCode));
        same.put("matter_version", c.matterVersion() == p.matterVersion);
        same.put("matter_name", c.matterName().equals(p.matterName));
        same.put("issuer_dept", c.issuerDept().equals(p.issuerDept));
        same.put("issuer_name", c.issuerName().equals(p.issuerName));
        same.put("subject_kind", c.subjectKind() == p.subjectKind);
        same.put("subject_id_index", holders.of(c.subjectId()).equals(p.subjectIdIndex));
        same.put("subject_name_masked", c.subjectNameMasked().equals(p.subjectNameMasked));
        same.put("subject_id_masked", c.subjectIdMasked().equals(p.subjectIdMasked));
        same.put("purpose", c.purpose().equals(p.purpose));
        same.put("issued_at", sameMicrosecond(c.issuedAt(), p.issuedAt));
        same.put("valid_until", sameMicrosecond(c.validUntil(), p.validUntil));
        same.put("status_list_index", c.statusIndex() == p.statusListIndex);
        same.put("supersedes", Objects.equals(c.supersedes(), p.supersedes));
        List<String> differ = same.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
        return differ.isEmpty() ? null
                : new IntegrityFindings.Problem("COLUMNS", p.number, Messages.PROOF_CHECK_COLUMNS.formatted(String.join(", ", differ)));
    }

    /** PostgreSQL keeps microseconds; the payload has the instant as it was. */
    private static boolean sameMicrosecond(Instant signed, Instant stored) {
        return stored != null && Math.abs(Duration.between(signed, stored).toNanos()) < 1_000;
    }
}
