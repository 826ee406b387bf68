package org.certfree.proofs.commitment;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.proof.PledgeDocuments;
import org.certfree.proofs.proof.dto.ProofView;
import org.certfree.proofs.system.crypto.HolderIndex;
import org.certfree.proofs.system.integrity.IntegrityCheck;
import org.certfree.proofs.system.integrity.IntegrityFindings;

/**
 * The transparency check of the pledges: every column of a pledge row that repeats its signed document —
 * matter, template (batch, hash), the text (by its signed hash), using unit, service matter, channel, check
 * terms, the draw, the pledger (kind, blind index, masked name and ID) and when it was made — must say what
 * the document says; and the pledge's check task must exist exactly when the signed block says a check is
 * required, with the signed checking department, method and due date. The document's own signature is
 * checked with the proofs'. What is served comes from the signed block; this shows who changed a row.
 */
@ApplicationScoped
class PledgeIntegrity implements IntegrityCheck {

    static final String SCOPE = "pledges";
    private static final int PAGE = 500;
    private static final int MAX_PROBLEMS = 100;

    @Inject
    PledgeDocuments documents;

    @Inject
    HolderIndex holders;

    @Override
    @Transactional
    public IntegrityFindings check() {
        List<IntegrityFindings.Problem> problems = new ArrayList<>();
        long checked = 0;
        UUID after = null;
        while (true) {
            List<Pledge> page = after == null ? Pledge.<Pledge>find("order by id").page(0, PAGE).list()
                    : Pledge.<Pledge>find("id > ?1 order by id", after).page(0, PAGE).list();
            for (Pledge p : page) {
                checked++;
                IntegrityFindings.Problem problem = problem(p);
                if (problem != null && problems.size() < MAX_PROBLEMS) {
                    problems.add(problem);
                }
            }
            Pledge.getEntityManager().clear();
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1).id;
        }
        return new IntegrityFindings(SCOPE, checked, problems);
    }

    private IntegrityFindings.Problem problem(Pledge p) {
        ProofView d;
        ProofView full;
        try {
            d = documents.document(p.number, false);
            full = documents.document(p.number, true);
        } catch (ApiException e) { // no document, or one that does not match its signature
            return new IntegrityFindings.Problem("SIGNATURE", p.number, e.getMessage());
        }
        JsonNode b = d.pledge();
        if (b == null) {
            return new IntegrityFindings.Problem("SIGNATURE", p.number, Messages.PLEDGE_CHECK_NOT_A_PLEDGE);
        }
        JsonNode check = b.path("check");
        JsonNode sample = check.path("sample");
        Map<String, Boolean> same = new LinkedHashMap<>();
        same.put("matter_code", d.matter().code().equals(p.matterCode));
        same.put("matter_version", d.matter().version() == p.matterVersion);
        same.put("department_code", d.issuer().code().equals(p.departmentCode));
        same.put("template_batch", b.path("template").path("batch").asText().equals(p.templateBatch));
        same.put("template_hash", b.path("template").path("hash").asText().equals(p.templateHash));
        same.put("text_hash", b.path("textHash").asText().equals(p.textHash));
        same.put("text", Templates.sha256(p.text).equals(b.path("textHash").asText()));
        same.put("using_unit", b.path("usingUnit").asText().equals(p.usingUnit));
        same.put("service_matter", d.purpose().equals(p.serviceMatter));
        same.put("assisted_by", "WINDOW".equals(b.path("channel").asText()) == (p.assistedBy != null));
        same.put("check_method", check.path("method").asText().equals(p.checkMethod.name()));
        same.put("check_within_days", check.path("withinWorkingDays").asInt() == p.checkWithinDays);
        same.put("drawn", check.path("required").asBoolean() == p.drawn);
        same.put("sample_ratio_percent", Objects.equals(sample.isMissingNode() ? null : sample.path("ratioPercent").asInt(),
                p.sampleRatioPercent));
        same.put("draw_value", Objects.equals(sample.isMissingNode() ? null : sample.path("value").asText(), p.drawValue));
        same.put("draw_root_hash", Objects.equals(sample.isMissingNode() ? null : sample.path("rootHash").asText(), p.drawRootHash));
        same.put("subject_kind", d.subject().kind() == p.subjectKind);
        same.put("subject_id_index", holders.of(full.subject().id()).equals(p.subjectIdIndex));
        same.put("subject_name_masked", d.subject().name().equals(p.subjectNameMasked));
        same.put("subject_id_masked", d.subject().id().equals(p.subjectIdMasked));
        same.put("pledged_at", sameMicrosecond(d.issuedAt(), p.pledgedAt));
        // the check task: there iff a check is required, as the signed terms say
        PledgeCheck task = PledgeQueries.task(p);
        boolean required = check.path("required").asBoolean();
        same.put("pledge_check", required == (task != null));
        if (task != null) {
            same.put("pledge_check.checking_department", check.path("department").asText().equals(task.checkingDepartment));
            same.put("pledge_check.method", check.path("method").asText().equals(task.method.name()));
            if (check.hasNonNull("dueDate")) {
                same.put("pledge_check.due_date", check.path("dueDate").asText().equals(String.valueOf(task.dueDate)));
            }
        }
        List<String> differ = same.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
        return differ.isEmpty() ? null
                : new IntegrityFindings.Problem("COLUMNS", p.number, Messages.PROOF_CHECK_COLUMNS.formatted(String.join(", ", differ)));
    }

    /** PostgreSQL keeps microseconds; the payload has the instant as it was. */
    private static boolean sameMicrosecond(Instant signed, Instant stored) {
        return signed != null && stored != null && Math.abs(Duration.between(signed, stored).toNanos()) < 1_000;
    }
}
