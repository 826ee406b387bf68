package org.certfree.proofs.commitment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.certfree.proofs.catalog.dto.NotifyCommitFields;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.department.dto.DepartmentView;
import org.certfree.proofs.publication.PublishedLists;
import org.certfree.proofs.publication.dto.ListEntryView;

/**
 * The commitment templates (告知承诺书格式文本) as published: the content of a matter's entry on the effective
 * notify-and-commit list, its hash (which a pledge binds) and the pledge text built from it — the same text
 * for everyone who pledges against that version, so its hash names it too.
 */
@ApplicationScoped
class Templates {

    @Inject
    PublishedLists lists;

    @Inject
    DepartmentService departments;

    @Inject
    ObjectMapper json;

    /**
     * One published template.
     *
     * @param hash     SHA-256 of the entry content's RFC 8785 form (see {@link PublishedLists#contentHash})
     * @param text     the pledge text shown to the applicant
     * @param textHash SHA-256 of the text's UTF-8 bytes
     */
    record Template(String matterCode, int version, String name, String department, String departmentName,
            String batchNumber, Instant effectiveSince, String hash, NotifyCommitFields terms, String assistingName,
            String text, String textHash) {
    }

    /** The template of the matter on the notify-and-commit list as of {@code at}, if it is listed then. */
    Optional<Template> current(String matterCode, Instant at) {
        if (matterCode == null || matterCode.isBlank()) {
            return Optional.empty();
        }
        return lists.notifyCommitEntry(matterCode.trim(), at).map(this::template);
    }

    private Template template(ListEntryView e) {
        JsonNode content = e.content();
        NotifyCommitFields terms;
        try {
            terms = json.treeToValue(content.path("notifyCommit"), NotifyCommitFields.class);
        } catch (JsonProcessingException | IllegalArgumentException ex) {
            throw new IllegalStateException("published notify-and-commit entry " + e.code() + " has no readable template", ex);
        }
        String departmentName = content.path("department").path("name").asText(e.departmentCode());
        String assisting = terms.assistingDepartment() == null ? null
                : departments.find(terms.assistingDepartment()).map(DepartmentView::name).orElse(terms.assistingDepartment());
        String text = text(e.code(), e.version(), e.name(), departmentName, e.batchNumber(), terms, assisting);
        return new Template(e.code(), e.version(), e.name(), e.departmentCode(), departmentName, e.batchNumber(),
                e.effectiveSince(), PublishedLists.contentHash(content), terms, assisting, text, sha256(text));
    }

    /** The pledge text: what the applicant reads and pledges to, built only from the published template. */
    static String text(String code, int version, String name, String departmentName, String batch, NotifyCommitFields t,
            String assistingName) {
        StringBuilder b = new StringBuilder();
        b.append("告知承诺书\n");
        b.append("证明事项：").append(name).append("（").append(code).append("，第 ").append(version).append(" 版，")
                .append(departmentName).append("；告知承诺清单批次 ").append(batch).append("）\n");
        b.append("一、证明义务：").append(t.commitment().proofObligation()).append('\n');
        b.append("二、证明内容：").append(t.commitment().proofContent()).append('\n');
        b.append("三、不实承诺的法律后果：").append(t.commitment().legalLiability()).append('\n');
        b.append("四、事后核查：").append(t.checkMethod().chinese());
        if (assistingName != null) {
            b.append("（由").append(assistingName).append("协查）");
        }
        b.append("，承诺后 ").append(t.checkWithinDays()).append(" 个工作日内完成");
        if (t.sampleRatioPercent() != null) {
            b.append("；按 ").append(t.sampleRatioPercent()).append("% 的比例随机抽取承诺核查，抽取结果可由公开的清单树头复算");
        }
        b.append("。\n");
        if (t.checkDescription() != null && !t.checkDescription().isBlank()) {
            b.append("核查说明：").append(t.checkDescription().trim()).append('\n');
        }
        b.append("承诺人声明：本人（本单位）已知晓上述告知内容，承诺所填报的信息真实、准确、完整，符合上述条件；"
                + "同意行政机关依法核查；如承诺不实，愿意承担上述法律后果。");
        return b.toString();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
