package org.certfree.proofs.catalog;

import java.util.Arrays;
import java.util.Optional;

/**
 * The three public proof-matter lists of the certificate-free city. Source: the prefecture plan
 * 巴政办发〔2023〕53号 (shared/seed), 一.(三)2 "形成保留和取消两份证明事项清单", 四.(一)1 "编制证明事项实施清单
 * … 梳理发布告知承诺证明事项实施清单" and 四.(一)5 (the notify-and-commit template).
 */
public enum ListKind {
    /**
     * 保留证明事项清单: proofs a law or regulation requires ("法有规定"), no longer handed in on paper but
     * issued and verified online by the department (seed 一.(三)3 "法有规定无需提交", 四.(一)6).
     */
    RETAINED("retained", "保留证明事项清单"),
    /**
     * 取消证明事项清单: proofs without legal basis, cancelled ("法无规定一律取消", seed 一.(三)2), replaced
     * by direct cancellation, data sharing, online verification, a pledge or the unit's own check.
     */
    CANCELLED("cancelled", "取消证明事项清单"),
    /**
     * 告知承诺证明事项清单: the applicant's written pledge replaces the proof; the list carries the
     * commitment template — proof obligation, proof content, legal liability of a false pledge (seed 四.(一)5).
     */
    NOTIFY_COMMIT("notify-commit", "告知承诺证明事项清单");

    private final String slug;
    private final String label;

    ListKind(String slug, String label) {
        this.slug = slug;
        this.label = label;
    }

    /** Path segment of the public list: {@code /api/v1/lists/{slug}}. */
    public String slug() {
        return slug;
    }

    /** Chinese name of the list. */
    public String label() {
        return label;
    }

    /** Stable identifier of the list kind, used in manifests and exports. */
    public String uri() {
        return "urn:certfree:list-kind:" + slug;
    }

    /** One-letter prefix of generated matter codes. */
    public char codeLetter() {
        return switch (this) {
            case RETAINED -> 'R';
            case CANCELLED -> 'C';
            case NOTIFY_COMMIT -> 'N';
        };
    }

    public static Optional<ListKind> fromSlug(String slug) {
        return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
    }
}
