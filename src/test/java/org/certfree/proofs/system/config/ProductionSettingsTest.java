package org.certfree.proofs.system.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Production mode's start-up check: every missing or malformed setting named at once, no secret printed. */
class ProductionSettingsTest {

    static final String KEK = key(1);
    static final String ENCRYPTION = key(2);
    static final String INDEX = key(3);

    /** A complete production configuration, by property name. */
    static Map<String, String> complete() {
        Map<String, String> s = new HashMap<>();
        s.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://db:5432/certfree");
        s.put("quarkus.datasource.username", "certfree");
        s.put("quarkus.datasource.password", "s3cret-db-password");
        s.put("mp.jwt.verify.publickey.location", "https://idp.example.gov.cn/realms/certfree/protocol/openid-connect/certs");
        s.put("mp.jwt.verify.issuer", "https://idp.example.gov.cn/realms/certfree");
        s.put("certfree.keys.kek", KEK);
        s.put("certfree.personal-data.encryption-key", ENCRYPTION);
        s.put("certfree.personal-data.index-key", INDEX);
        s.put("certfree.public-base-url", "https://zwfw.example.gov.cn");
        s.put("certfree.pki.roots", "-----BEGIN CERTIFICATE-----\nMIIB...\n-----END CERTIFICATE-----\n");
        return s;
    }

    private static List<String> problems(Map<String, String> settings) {
        return ProductionSettings.problems(k -> Optional.ofNullable(settings.get(k)));
    }

    @Test
    void aCompleteConfigurationMayStart() {
        assertEquals(List.of(), problems(complete()));
        Map<String, String> inlineKey = complete();
        inlineKey.remove("mp.jwt.verify.publickey.location");
        inlineKey.put("mp.jwt.verify.publickey", "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA");
        assertEquals(List.of(), problems(inlineKey), "an inline public key instead of its location");
    }

    @Test
    void nothingConfiguredNamesEveryRequiredVariableAtOnce() {
        List<String> problems = problems(Map.of());
        assertEquals(ProductionSettings.REQUIRED.size(), problems.size(), String.join("\n", problems));
        for (int i = 0; i < problems.size(); i++) {
            assertTrue(problems.get(i).startsWith(ProductionSettings.REQUIRED.get(i) + " is missing"), problems.get(i));
        }
        String refusal = ProductionSettings.refusal(problems);
        ProductionSettings.REQUIRED.forEach(name -> assertTrue(refusal.contains(name), name));
    }

    @Test
    void eachRequiredSettingAloneIsMissed() {
        for (Map.Entry<String, String> e : complete().entrySet()) {
            Map<String, String> without = complete();
            without.remove(e.getKey());
            List<String> problems = problems(without);
            assertEquals(1, problems.size(), e.getKey() + ": " + problems);
            assertTrue(problems.get(0).startsWith(Settings.envName(e.getKey()) + " is missing"), problems.get(0));
        }
    }

    @Test
    void malformedKeysAreNamedWithoutTheirValueOrTheOthers() {
        for (String bad : List.of("not base64!", Base64.getEncoder().encodeToString(new byte[16]),
                Base64.getEncoder().encodeToString(new byte[33]))) {
            Map<String, String> s = complete();
            s.put("certfree.personal-data.index-key", bad);
            s.put("certfree.keys.kek", bad);
            List<String> problems = problems(s);
            assertEquals(List.of("CERTFREE_KEYS_KEK " + ProductionSettings.KEY_FORMAT,
                    "CERTFREE_PERSONAL_DATA_INDEX_KEY " + ProductionSettings.KEY_FORMAT), problems);
            String refusal = ProductionSettings.refusal(problems);
            for (String secret : List.of(bad, ENCRYPTION, "s3cret-db-password")) {
                assertFalse(refusal.contains(secret), "the refusal prints no secret: " + refusal);
            }
        }
    }

    @Test
    void thePublicBaseUrlMustBeAnAbsoluteHttpUrl() {
        for (String bad : List.of("zwfw.example.gov.cn", "/verify", "ftp://zwfw.example.gov.cn", "https://zwfw.example.gov.cn/?a=1",
                "https://user@zwfw.example.gov.cn", "http:///nohost", "https://zwfw example")) {
            Map<String, String> s = complete();
            s.put("certfree.public-base-url", bad);
            List<String> problems = problems(s);
            assertEquals(1, problems.size(), bad);
            assertTrue(problems.get(0).startsWith("CERTFREE_PUBLIC_BASE_URL must be an absolute http(s) URL"), problems.get(0));
        }
        for (String good : List.of("http://localhost:8080", "https://zwfw.example.gov.cn/certfree/", "HTTPS://ZWFW.EXAMPLE.GOV.CN")) {
            Map<String, String> s = complete();
            s.put("certfree.public-base-url", good);
            assertEquals(List.of(), problems(s), good);
        }
    }

    @Test
    void demoSettingsAndAForeignDatabaseAreRefused() {
        Map<String, String> s = complete();
        s.put("quarkus.datasource.jdbc.url", "jdbc:h2:mem:certfree");
        s.put("mp.jwt.verify.publickey.location", "data/dev-tokens/dev-token-signing.public.pem");
        s.put("mp.jwt.verify.issuer", "https://certfree.local/dev-tokens");
        List<String> problems = problems(s);
        assertEquals(3, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).startsWith("QUARKUS_DATASOURCE_JDBC_URL must be a PostgreSQL URL"));
        assertTrue(problems.get(1).startsWith("MP_JWT_VERIFY_PUBLICKEY_LOCATION names the demo"));
        assertTrue(problems.get(2).startsWith("MP_JWT_VERIFY_ISSUER names the development-token issuer"));
    }

    private static String key(int seed) {
        byte[] k = new byte[32];
        java.util.Arrays.fill(k, (byte) seed);
        return Base64.getEncoder().encodeToString(k);
    }
}
