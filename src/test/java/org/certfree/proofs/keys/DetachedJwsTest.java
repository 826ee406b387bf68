package org.certfree.proofs.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The stored signatures of a proof: one exact text, both JWS serializations rebuilt from it and the payload. */
class DetachedJwsTest {

    private static final String PAYLOAD = "{\"n\":\"证明\"}";

    private static final String B64 = "eyJuIjoi6K-B5piOIn0"; // base64url of PAYLOAD's UTF-8, no padding

    @Test
    void bothFormsAreRebuiltFromThePayloadAndTheSignatures() {
        String detached = DetachedJws.of(List.of(new DetachedJws.Signature("aGVhZDE", "c2lnMQ"),
                new DetachedJws.Signature("aGVhZDI", "c2lnMg")));
        assertEquals("{\"signatures\":[{\"protected\":\"aGVhZDE\",\"signature\":\"c2lnMQ\"},"
                + "{\"protected\":\"aGVhZDI\",\"signature\":\"c2lnMg\"}]}", detached);
        assertEquals("aGVhZDE." + B64 + ".c2lnMQ", DetachedJws.compact(PAYLOAD, detached), "the first signature");
        assertEquals("{\"payload\":\"" + B64 + "\",\"signatures\":[{\"protected\":\"aGVhZDE\",\"signature\":\"c2lnMQ\"},"
                + "{\"protected\":\"aGVhZDI\",\"signature\":\"c2lnMg\"}]}", DetachedJws.generalJson(PAYLOAD, detached));
        assertEquals(detached, DetachedJws.of(DetachedJws.signatures(detached)));
    }

    @Test
    void anythingElseIsRefused() {
        for (String bad : List.of("", "[]", "{\"signatures\":[]}", "{\"signatures\":{}}",
                "{\"payload\":\"eA\",\"signatures\":[{\"protected\":\"aA\",\"signature\":\"cw\"}]}",
                "{\"signatures\":[{\"protected\":\"aA\",\"signature\":\"cw\",\"header\":{}}]}",
                "{\"signatures\":[{\"protected\":\"a.A\",\"signature\":\"cw\"}]}",
                "{\"signatures\":[{\"protected\":\"aA\",\"signature\":1}]}")) {
            assertThrows(IllegalArgumentException.class, () -> DetachedJws.compact(PAYLOAD, bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> DetachedJws.of(List.of()));
    }
}
