package org.certfree.proofs.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.certfree.proofs.common.json.CanonicalJson;
import org.certfree.proofs.common.merkle.MerkleHash;

/**
 * A signed checkpoint of a sealed log (table {@code seal_checkpoint}, V29): the rows with
 * {@code horizonFrom <= txid < horizonTo}, {@code size} of them, have the RFC 9162 Merkle root
 * {@code root} (leaf i = SHA-256(0x00 ‖ RFC 8785 JSON of row i's columns), rows ordered by (txid, id));
 * {@code previous} is the SHA-256 of the previous checkpoint's payload (null for the first). What the
 * authority signs is {@link #payload()}: the RFC 8785 JSON of
 * {@code {typ:"certfree-log-checkpoint", log, seq, horizonFrom, horizonTo, size, root, previous?, authority, signedAt}}.
 */
record Checkpoint(String log, long seq, long horizonFrom, long horizonTo, long size, String root, String previous,
        String authority, Instant signedAt, String storedPayload, String jws) {

    /** {@code typ} of the payload. */
    static final String TYP = "certfree-log-checkpoint";

    /** {@code typ} of the JWS. */
    static final String JWS_TYP = "certfree-log-checkpoint+jws";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The payload rebuilt from the fields (what the authority signed, if nothing was changed). */
    String payload() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("typ", TYP);
        p.put("log", log);
        p.put("seq", seq);
        p.put("horizonFrom", horizonFrom);
        p.put("horizonTo", horizonTo);
        p.put("size", size);
        p.put("root", root);
        if (previous != null) {
            p.put("previous", previous);
        }
        p.put("authority", authority);
        p.put("signedAt", signedAt.toString());
        return new String(CanonicalJson.canonicalize(p, JSON), StandardCharsets.UTF_8);
    }

    /** SHA-256 (hex) of the rebuilt payload: what the next checkpoint names as {@code previous}. */
    String hash() {
        try {
            return MerkleHash.toHex(MessageDigest.getInstance("SHA-256").digest(payload().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The txid range as text for messages. */
    String range() {
        return "[" + horizonFrom + ", " + horizonTo + ")";
    }
}
