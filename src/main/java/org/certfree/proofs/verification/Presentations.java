package org.certfree.proofs.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.keys.JwsVerification;
import org.certfree.proofs.keys.JwsVerifier;
import org.certfree.proofs.proof.ProofNumbers;
import org.certfree.proofs.proof.SdJwts;
import org.certfree.proofs.verification.dto.VerifyRequest;

/**
 * Reads what a using unit presented — a JWS, an SD-JWT (either serialization), a QR link, or a number
 * and code — and checks it as far as it can be without the issuer's record.
 */
@ApplicationScoped
class Presentations {

    @Inject
    JwsVerifier signatures;

    @Inject
    SdJwts sdJwts;

    @Inject
    ObjectMapper json;

    /**
     * What the unit presented, checked as far as it can be without the issuer's record: a JWS's
     * signature, or the form of a number and code. {@code early} is the verdict when that already fails;
     * {@code disclosures} are an SD-JWT's (null for anything else), to be checked against the signed digests;
     * {@code ofd} is an uploaded OFD the ofd library verified (null for the JSON forms).
     */
    record Presented(String number, byte[] signedPayload, String code, Verdict early, List<String> disclosures,
            OfdEvidence ofd) {
        Presented(String number, byte[] signedPayload, String code, Verdict early) {
            this(number, signedPayload, code, early, null, null);
        }

        Presented(String number, byte[] signedPayload, String code, Verdict early, List<String> disclosures) {
            this(number, signedPayload, code, early, disclosures, null);
        }
    }

    Presented present(VerifyRequest in) {
        if (!blank(in.jws())) {
            String jws = in.jws().trim();
            List<String> disclosures = null;
            if (SdJwts.isSdJwt(jws)) { // an SD-JWT: the issuer-signed JWT, and the disclosures the holder chose
                try {
                    SdJwts.Presentation p = sdJwts.read(jws);
                    jws = p.jws();
                    disclosures = p.disclosures();
                } catch (IllegalArgumentException e) {
                    return new Presented(null, null, null, Verdict.failed(SubIndication.FORMAT_FAILURE, Messages.VERDICT_FORMAT, null));
                }
            }
            JwsVerification checked = signatures.verify(jws);
            Verdict early = switch (checked.outcome()) {
                case MALFORMED -> Verdict.failed(SubIndication.FORMAT_FAILURE, Messages.VERDICT_FORMAT, null);
                case INVALID_SIGNATURE -> Verdict.failed(SubIndication.SIG_CRYPTO_FAILURE, Messages.VERDICT_SIGNATURE, null);
                case UNKNOWN_KEY -> new Verdict(Indication.INDETERMINATE, SubIndication.NO_SIGNING_KEY_FOUND,
                        Messages.VERDICT_UNKNOWN_KEY, null, null);
                case KEY_COMPROMISED -> Verdict.failed(SubIndication.KEY_COMPROMISED, Messages.VERDICT_KEY_COMPROMISED, null);
                default -> null;
            };
            if (early != null) {
                return new Presented(null, null, null, early);
            }
            String number = numberIn(checked.payload()).map(ProofNumbers::normalize).orElse(null);
            return new Presented(number, checked.payload(), null, number == null ? Verdict.notIssued() : null, disclosures);
        }
        String number;
        String code;
        if (!blank(in.qr())) {
            Map<String, String> q = QrLink.parameters(in.qr().trim());
            number = q.get("n");
            code = q.get("c");
            if (number == null || code == null) {
                return new Presented(null, null, null, Verdict.failed(SubIndication.FORMAT_FAILURE, Messages.VERDICT_FORMAT, null));
            }
        } else {
            number = in.number();
            code = in.code();
        }
        String normalized = ProofNumbers.normalize(number);
        if (ProofNumbers.problem(normalized).isPresent() || blank(code)) {
            return new Presented(null, null, null, Verdict.failed(SubIndication.FORMAT_FAILURE, Messages.VERDICT_FORMAT, null));
        }
        return new Presented(normalized, null, code.trim(), null);
    }

    private Optional<String> numberIn(byte[] payload) {
        try {
            JsonNode node = json.readTree(payload);
            return Optional.ofNullable(node.path("number").asText(null));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
