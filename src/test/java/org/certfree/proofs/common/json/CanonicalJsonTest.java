package org.certfree.proofs.common.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** RFC 8785 Appendix B "Number Serialization Samples": IEEE 754 bit pattern and its canonical form. */
    private static final String[][] APPENDIX_B = {
        {"0000000000000000", "0"},
        {"8000000000000000", "0"},
        {"0000000000000001", "5e-324"},
        {"8000000000000001", "-5e-324"},
        {"7fefffffffffffff", "1.7976931348623157e+308"},
        {"ffefffffffffffff", "-1.7976931348623157e+308"},
        {"4340000000000000", "9007199254740992"},
        {"c340000000000000", "-9007199254740992"},
        {"4430000000000000", "295147905179352830000"},
        {"44b52d02c7e14af5", "9.999999999999997e+22"},
        {"44b52d02c7e14af6", "1e+23"},
        {"44b52d02c7e14af7", "1.0000000000000001e+23"},
        {"444b1ae4d6e2ef4e", "999999999999999700000"},
        {"444b1ae4d6e2ef4f", "999999999999999900000"},
        {"444b1ae4d6e2ef50", "1e+21"},
        {"3eb0c6f7a0b5ed8c", "9.999999999999997e-7"},
        {"3eb0c6f7a0b5ed8d", "0.000001"},
        {"41b3de4355555553", "333333333.3333332"},
        {"41b3de4355555554", "333333333.33333325"},
        {"41b3de4355555555", "333333333.3333333"},
        {"41b3de4355555556", "333333333.3333334"},
        {"41b3de4355555557", "333333333.33333343"},
        {"becbf647612f3696", "-0.0000033333333333333333"},
        {"43143ff3c1cb0959", "1424953923781206.2"},
    };

    private static String resource(String name) throws IOException {
        try (InputStream in = CanonicalJsonTest.class.getResourceAsStream("/jcs/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String canonical(String json) {
        return new String(CanonicalJson.canonicalize(json), StandardCharsets.UTF_8);
    }

    @Test
    void primitiveSerializationExampleOfSection322() throws IOException {
        byte[] actual = CanonicalJson.canonicalize(resource("rfc8785-3.2.2-input.json"));
        assertArrayEquals(resource("rfc8785-3.2.2-output.json").getBytes(StandardCharsets.UTF_8), actual);
        // The Euro sign is written as raw UTF-8 (RFC 8785 §3.2.4 shows the bytes e2 82 ac).
        String hex = HexFormat.of().formatHex(actual);
        assertTrue(hex.contains("223a22e282ac24"), hex);
    }

    @Test
    void propertySortingExampleOfSection323() throws IOException {
        // Sorted by UTF-16 code units: U+1F600 (surrogates D83D DE00) comes before U+FB33.
        assertEquals(resource("rfc8785-3.2.3-output.json"), canonical(resource("rfc8785-3.2.3-input.json")));
    }

    @Test
    void numberSerializationSamplesOfAppendixB() {
        for (String[] sample : APPENDIX_B) {
            double value = Double.longBitsToDouble(Long.parseUnsignedLong(sample[0], 16));
            // Double.toString gives the shortest text that reads back as exactly this double.
            assertEquals("[" + sample[1] + "]", canonical("[" + Double.toString(value) + "]"), sample[0]);
        }
    }

    @Test
    void nonFiniteSamplesOfAppendixBAreRejected() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("x", Double.NaN);
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.canonicalize(payload, MAPPER));
        payload.put("x", Double.POSITIVE_INFINITY);
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.canonicalize(payload, MAPPER));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.canonicalize("[1e400]"));
    }

    record Address(String city, String district) {
    }

    record Payload(String zeta, int alpha, List<Double> numbers, Address address, String name) {
    }

    @Test
    void serializesWithJacksonThenCanonicalizes() {
        Payload payload = new Payload("z", 7, List.of(4.5, 1e30, 0.002), new Address("毕节", "七星关区"), "张三");
        assertEquals("{\"address\":{\"city\":\"毕节\",\"district\":\"七星关区\"},\"alpha\":7,"
                + "\"name\":\"张三\",\"numbers\":[4.5,1e+30,0.002],\"zeta\":\"z\"}",
                new String(CanonicalJson.canonicalize(payload, MAPPER), StandardCharsets.UTF_8));
    }

    @Test
    void equalDataGivesEqualBytesAndCanonicalFormIsAFixedPoint() {
        byte[] a = CanonicalJson.canonicalize("{\"b\": [1, 2.0, \"\\u00e9\"], \"a\": {\"y\": null, \"x\": true}}");
        byte[] b = CanonicalJson.canonicalize("{\"a\":{\"x\":true,\"y\":null},\"b\":[1,2,\"é\"]}");
        assertArrayEquals(a, b);
        assertArrayEquals(a, CanonicalJson.canonicalize(new String(a, StandardCharsets.UTF_8)));
        assertEquals("{\"a\":{\"x\":true,\"y\":null},\"b\":[1,2,\"é\"]}", new String(a, StandardCharsets.UTF_8));
    }

    @Test
    void safeIntegersPassUnchanged() {
        assertEquals("[9007199254740991,-9007199254740991,0]", canonical("[9007199254740991, -9007199254740991, -0]"));
    }

    @Test
    void rejectsWhatWouldBeSilentlyChanged() {
        // The library alone would round this to 9007199254740992 and write a lone surrogate as '?'.
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.canonicalize("[9007199254740993]"));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.canonicalize("[-9007199254740992]"));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.canonicalize("{\"a\":\"\\ud800\"}"));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.canonicalize("{\"\\udc00\":1}"));
        assertThrows(IllegalArgumentException.class,
                () -> CanonicalJson.canonicalize(Map.of("id", 9_007_199_254_740_993L), MAPPER));
        assertThrows(IllegalArgumentException.class,
                () -> CanonicalJson.canonicalize(Map.of("amount", new BigDecimal("1e400")), MAPPER));
    }

    @Test
    void rejectsInvalidJson() {
        for (String bad : new String[] {"{\"a\":1,\"a\":2}", "{\"a\":1} x", "{\"a\":01}", "[1,]", "{\"a\":tru}",
                "", "   ", "5", "\"text\"", "null", "{\"a\":NaN}"}) {
            assertThrows(IllegalArgumentException.class, () -> CanonicalJson.canonicalize(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.canonicalize((String) null));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.canonicalize("text", MAPPER));
    }

    /**
     * The direct form for flat objects of strings gives the library's bytes, on random keys and values drawn from
     * what needs escaping (quote, backslash, every control), what must not be escaped (slash, DEL, U+2028,
     * non-ASCII), surrogate pairs, and keys whose order differs between UTF-16 and code points.
     */
    @Test
    void flatObjectsOfStringsCanonicalizeAsTheLibraryDoes() {
        String[] pool = { "a", "Z", "0", "\"", "\\", "/", "<", "\u007f", "\u2028", "\u00e9", "证", "明", "\ud83d\ude00", "\ud800\udc00",
            "\uffff", "\ue000", " ", "-", ":", "," };
        java.util.Random random = new java.util.Random(8785);
        for (int round = 0; round < 2_000; round++) {
            Map<String, String> object = new LinkedHashMap<>();
            int fields = random.nextInt(6);
            for (int f = 0; f < fields; f++) {
                object.put(randomString(random, pool), randomString(random, pool));
            }
            assertArrayEquals(CanonicalJson.canonicalize(object, MAPPER), CanonicalJson.canonicalizeStrings(object), object.toString());
        }
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.canonicalizeStrings(Map.of("k", "\ud800")));
        assertEquals("{}", new String(CanonicalJson.canonicalizeStrings(Map.of()), StandardCharsets.UTF_8));
    }

    private static String randomString(java.util.Random random, String[] pool) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(8); i > 0; i--) {
            s.append(random.nextInt(4) == 0 ? String.valueOf((char) random.nextInt(0x20)) : pool[random.nextInt(pool.length)]);
        }
        return s.toString();
    }
}
