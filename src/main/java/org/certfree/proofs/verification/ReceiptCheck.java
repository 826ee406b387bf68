package org.certfree.proofs.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.common.merkle.MerkleHash;
import org.certfree.proofs.common.merkle.MerkleVerifier;
import org.certfree.proofs.keys.JwsOutcome;
import org.certfree.proofs.keys.JwsVerification;
import org.certfree.proofs.keys.JwsVerifier;
import org.certfree.proofs.proof.ProofStatus;
import org.certfree.proofs.system.integrity.SealedRow;
import org.certfree.proofs.verification.dto.Receipt;

/**
 * A row of the holders' access log checked against its own receipt: a verification that identified a
 * proof was answered with a receipt signed by the issuing department (its batch head, see
 * {@link ReceiptBatcher}); the row must carry that receipt, the receipt must be in a batch the
 * department signed, and its body must say what the row says. A row forged with SQL — even one
 * sealed afterwards like any other — has no such receipt. (Rows that identified no proof, e.g. a wrong
 * code, were signed by nobody and cannot be checked this way.)
 */
@ApplicationScoped
class ReceiptCheck {

    @Inject
    JwsVerifier verifier;

    @Inject
    ObjectMapper json;

    /** What is wrong with the access-log row {@code row} (its sealed columns), if anything. */
    Optional<String> problem(SealedRow row) {
        Map<String, String> f = row.fields();
        if (!f.containsKey("proof_status")) {
            return Optional.empty();
        }
        String stored = f.get("receipt");
        if (stored == null) {
            return Optional.of(Messages.ACCESS_LOG_CHECK_NO_RECEIPT);
        }
        try {
            Receipt receipt = json.readValue(stored, Receipt.class);
            byte[] body = Base64.getUrlDecoder().decode(receipt.payload());
            JwsVerification head = verifier.verify(receipt.batch());
            if (head.outcome() == JwsOutcome.MALFORMED || head.outcome() == JwsOutcome.INVALID_SIGNATURE
                    || !Objects.equals(head.departmentCode(), f.get("issuer_dept"))) {
                return Optional.of(Messages.ACCESS_LOG_CHECK_RECEIPT_SIGNATURE);
            }
            JsonNode batch = json.readTree(head.payload());
            List<byte[]> path = receipt.path().stream().map(MerkleHash::fromHex).toList();
            if (!MerkleVerifier.verifyInclusion(receipt.index(), batch.path("size").asLong(), MerkleHash.leaf(body), path,
                    MerkleHash.fromHex(batch.path("root").asText()))) {
                return Optional.of(Messages.ACCESS_LOG_CHECK_RECEIPT_SIGNATURE);
            }
            return differs(json.readTree(body), f) ? Optional.of(Messages.ACCESS_LOG_CHECK_RECEIPT_BODY) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of(Messages.ACCESS_LOG_CHECK_RECEIPT_SIGNATURE);
        }
    }

    /** Whether the signed receipt body says anything else than the row's columns. */
    private static boolean differs(JsonNode b, Map<String, String> f) {
        Instant signedAt = Instant.parse(b.path("verifiedAt").asText());
        Instant rowAt = Instant.parse(f.get("verified_at"));
        return !b.path("id").asText().equals(f.get("id"))
                || Math.abs(Duration.between(signedAt, rowAt).toNanos()) >= 1_000
                || !text(b, "unit").equals(f.get("unit_code")) || !text(b, "verifier").equals(f.get("verifier"))
                || !text(b, "purpose").equals(f.get("purpose")) || !Objects.equals(text(b, "serviceMatter"), f.get("service_matter"))
                || !Objects.equals(text(b, "proofNumber"), f.get("proof_number"))
                || !text(b, "indication").equals(Indication.valueOf(f.get("indication")).uri())
                || !Objects.equals(text(b, "subIndication"),
                        f.get("sub_indication") == null ? null : SubIndication.valueOf(f.get("sub_indication")).uri())
                || !text(b, "proofStatus").equals(ProofStatus.valueOf(f.get("proof_status")).uri())
                || !Objects.equals(text(b, "issuerDept"), f.get("issuer_dept"))
                || b.path("retrieved").asBoolean() != ("t".equals(f.get("retrieved")) || "true".equals(f.get("retrieved")))
                || !Objects.equals(text(b, "consentId"), f.get("consent_id"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
