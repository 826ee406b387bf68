package org.certfree.proofs.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.certfree.proofs.common.json.CanonicalJson;
import org.certfree.proofs.verification.dto.VerificationResult.ReceiptBody;
import org.junit.jupiter.api.Test;

/**
 * A receipt body's directly written canonical bytes are exactly what the general path gives with the service's
 * own mapper (nulls left out, instants as ISO-8601, RFC 8785 ordering and escaping): every field set, the optional
 * ones null, instants of each precision, and text that needs escaping.
 */
@QuarkusTest
class ReceiptBodyTest {

    @Inject
    ObjectMapper json;

    private void same(ReceiptBody body) {
        String general = new String(CanonicalJson.canonicalize(body, json), StandardCharsets.UTF_8);
        assertEquals(general, new String(body.canonical(), StandardCharsets.UTF_8));
    }

    @Test
    void theDirectBytesAreTheGeneralPathsBytes() {
        for (Instant at : new Instant[] { Instant.parse("2026-11-30T08:00:00Z"), Instant.parse("2026-11-30T08:00:00.120Z"),
                Instant.parse("2026-11-30T08:00:00.123456Z"), Instant.parse("2026-11-30T08:00:00.123456789Z") }) {
            same(new ReceiptBody("certfree-receipt", UUID.randomUUID(), at, "KELSZWZX", "window-1", "办理入学",
                    "义务教育入学登记", "ZM-2026-ABCD-EFGH-JKMN-P", "urn:x:indication:TOTAL_PASSED", null,
                    "urn:x:status:VALID", "BZGAJ", false, null, null));
        }
        same(new ReceiptBody("certfree-receipt", UUID.randomUUID(), Instant.now(), "U\"1", "a\\b", "tab\there\nline \u0001 😀",
                null, "ZM-1", "urn:i", "urn:s", "urn:p", "D", true, UUID.randomUUID(), "ofd"));
    }
}
