package org.certfree.proofs.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSObjectJSON;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A JWS in the compact or JSON serialization as {@link JwsVerifier} reads it: its payload's bytes and its signatures,
 * each with its protected header. For a stored detached form ({@link JwsVerifier#verifyDetached}) also the stored
 * payload text it was rebuilt from, which a remembered parse must still equal.
 */
record ParsedJws(byte[] payload, List<Signed> signed, String storedPayload) {

    /** Parses {@code text}; throws on anything that is not a JWS. */
    static ParsedJws parse(String text) throws ParseException {
        List<Signed> signed = new ArrayList<>();
        Payload payload;
        if (text.startsWith("{")) {
            JWSObjectJSON json = JWSObjectJSON.parse(text);
            payload = json.getPayload();
            String payloadB64 = json.getPayload().toBase64URL().toString();
            for (JWSObjectJSON.Signature s : json.getSignatures()) {
                signed.add(new Signed(s.getHeader(), s::verify, payloadB64, s.getSignature().toString()));
            }
        } else {
            JWSObject compact = JWSObject.parse(text);
            payload = compact.getPayload();
            signed.add(new Signed(compact.getHeader(), compact::verify, compact.getPayload().toBase64URL().toString(),
                    compact.getSignature().toString()));
        }
        return new ParsedJws(payload == null ? null : payload.toBytes(), List.copyOf(signed), null);
    }

    /** SHA-256 of (kid, protected header, payload, signature), all base64url: what identifies a verified signature. */
    static byte[] fingerprint(String kid, String header, String payload, String signature) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (String part : new String[] {kid, header, payload, signature}) {
            md.update(part.getBytes(StandardCharsets.US_ASCII));
            md.update((byte) '.');
        }
        return md.digest();
    }

    /** The same parse, noted as rebuilt from the stored payload {@code stored}. */
    ParsedJws storedAs(String stored) {
        return new ParsedJws(payload, signed, stored);
    }

    /** One signature: its protected header, its base64url parts, and how to run a verifier over it. */
    static final class Signed {
        private final JWSHeader header;
        private final Verification verification;
        private final String payload;
        private final String signature;
        /** The kid of the key this signature's mathematics verified with, once it has (nothing else here changes). */
        volatile String verifiedWith;

        Signed(JWSHeader header, Verification verification, String payload, String signature) {
            this.header = header;
            this.verification = verification;
            this.payload = payload;
            this.signature = signature;
        }

        JWSHeader header() {
            return header;
        }

        /** The payload, base64url. */
        String payload() {
            return payload;
        }

        /** The signature, base64url. */
        String signature() {
            return signature;
        }

        /** This signature's {@link ParsedJws#fingerprint} with key {@code kid}. */
        byte[] fingerprint(String kid) {
            return ParsedJws.fingerprint(kid, header.getParsedBase64URL().toString(), payload, signature);
        }

        boolean verify(JWSVerifier verifier) throws JOSEException {
            return verification.verify(verifier);
        }
    }

    @FunctionalInterface
    interface Verification {
        boolean verify(JWSVerifier verifier) throws JOSEException;
    }
}
