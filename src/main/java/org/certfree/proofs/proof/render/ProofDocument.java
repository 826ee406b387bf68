package org.certfree.proofs.proof.render;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * What a rendered proof (QR code, printable PDF) shows: a view assembled by the caller from the stored proof.
 * The renderers print exactly these values; masking the subject is the caller's decision.
 *
 * @param proofNumber             proof number (证明编号), printed and carried in the QR payload
 * @param verificationCode        short verification code (核验码) that goes with the number at the status page;
 *                                null on a purpose-bound copy's page, which never prints it
 * @param matterCode              proof matter code (证明事项编码)
 * @param matterName              proof matter name in Chinese, e.g. 无犯罪记录证明
 * @param matterVersion           version of the matter entry the proof was issued under
 * @param departmentCode          issuing department code
 * @param departmentName          issuing department name in Chinese (开具单位)
 * @param subjectKind             person or enterprise
 * @param subjectName             subject display name, already masked or full as the caller decides
 * @param subjectIdentifierMasked masked resident ID or USCC
 * @param claims                  matter-specific content, printed in this order
 * @param purpose                 purpose the proof was requested for (用途)
 * @param issuedAt                issuance instant
 * @param validUntil              end of validity
 * @param status                  current status at rendering time
 * @param statusPageUrl           citizen status page URL with number and code: the QR payload
 * @param signingKeys             the keys that signed the proof, for the footer
 */
public record ProofDocument(
        String proofNumber,
        String verificationCode,
        String matterCode,
        String matterName,
        int matterVersion,
        String departmentCode,
        String departmentName,
        SubjectKind subjectKind,
        String subjectName,
        String subjectIdentifierMasked,
        List<Claim> claims,
        String purpose,
        Instant issuedAt,
        Instant validUntil,
        Status status,
        String statusPageUrl,
        List<SigningKeyRef> signingKeys) {

    /** Proofs are displayed in the time zone of the issuing city. */
    public static final ZoneId DISPLAY_ZONE = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter DISPLAY_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")
            .withZone(DISPLAY_ZONE);

    public ProofDocument {
        requireText(proofNumber, "proofNumber");
        if (verificationCode != null) {
            requireText(verificationCode, "verificationCode");
        }
        requireText(matterCode, "matterCode");
        requireText(matterName, "matterName");
        requireText(departmentCode, "departmentCode");
        requireText(departmentName, "departmentName");
        Objects.requireNonNull(subjectKind, "subjectKind");
        requireText(subjectName, "subjectName");
        requireText(subjectIdentifierMasked, "subjectIdentifierMasked");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(status, "status");
        requireText(statusPageUrl, "statusPageUrl");
        URI uri = URI.create(statusPageUrl);
        if (!uri.isAbsolute() || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("statusPageUrl must be an absolute http(s) URL: " + statusPageUrl);
        }
        if (matterVersion < 1) {
            throw new IllegalArgumentException("matterVersion must be positive");
        }
        if (validUntil.isBefore(issuedAt)) {
            throw new IllegalArgumentException("validUntil is before issuedAt");
        }
        claims = List.copyOf(Objects.requireNonNull(claims, "claims"));
        signingKeys = List.copyOf(Objects.requireNonNull(signingKeys, "signingKeys"));
        purpose = purpose == null ? "" : purpose;
    }

    /** An instant as printed on a proof: Beijing time, e.g. {@code 2025年3月7日 09:05}. */
    public static String displayTime(Instant instant) {
        return DISPLAY_TIME.format(instant);
    }

    /**
     * The status page without its query, where a person types the number and code by hand
     * (e.g. {@code https://zwfw.example.gov.cn/verify}).
     */
    public String statusPageAddress() {
        URI uri = URI.create(statusPageUrl);
        return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    /** One line of matter-specific content: Chinese label and value, e.g. 婚姻状况 / 未婚. */
    public record Claim(String label, String value) {
        public Claim {
            requireText(label, "claim label");
            value = value == null ? "" : value;
        }
    }

    /** A key that signed the proof: RFC 7638 thumbprint and JWS algorithm name. */
    public record SigningKeyRef(String kid, String algorithm) {
        public SigningKeyRef {
            requireText(kid, "kid");
            requireText(algorithm, "algorithm");
        }
    }

    /** Kind of subject the proof is about; decides the identifier's label. */
    public enum SubjectKind {
        PERSON("个人", "姓名", "公民身份号码"),
        ENTERPRISE("企业", "名称", "统一社会信用代码");

        private final String label;
        private final String nameLabel;
        private final String identifierLabel;

        SubjectKind(String label, String nameLabel, String identifierLabel) {
            this.label = label;
            this.nameLabel = nameLabel;
            this.identifierLabel = identifierLabel;
        }

        /** 个人 / 企业. */
        public String label() {
            return label;
        }

        /** Label of the subject's name line. */
        public String nameLabel() {
            return nameLabel;
        }

        /** Label of the identifier line (GB 11643 resident ID or GB 32100 USCC). */
        public String identifierLabel() {
            return identifierLabel;
        }
    }

    /** Proof status as printed; mirrors the proof lifecycle (VALID, REVOKED, EXPIRED, SUPERSEDED). */
    public enum Status {
        VALID("有效", null),
        REVOKED("已撤销", "本证明已被开具单位撤销，不能作为办事依据。"),
        EXPIRED("已过期", "本证明已超过有效期，不能作为办事依据。"),
        SUPERSEDED("已被更正", "本证明已被更正后重新开具的证明替代，请以新证明为准。");

        private final String label;
        private final String warning;

        Status(String label, String warning) {
            this.label = label;
            this.warning = warning;
        }

        /** Chinese status word. */
        public String label() {
            return label;
        }

        /** Warning printed on a proof that is no longer valid; null for a valid one. */
        public String warning() {
            return warning;
        }
    }
}
