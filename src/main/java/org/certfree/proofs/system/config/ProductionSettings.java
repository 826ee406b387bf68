package org.certfree.proofs.system.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.certfree.proofs.system.security.DevSigningKeys;

/**
 * What production mode needs before it may start, checked all at once so that the operator reads
 * every missing or malformed setting in one message instead of fixing them one restart at a time.
 * deploy/ (compose.yaml, the k8s ConfigMap and Secret) gives exactly {@link #REQUIRED}; a test holds
 * them to it. A secret's value is never part of a message.
 */
public final class ProductionSettings {

    /** Base64 of 32 random bytes: the key-encryption key and the two personal-data keys. */
    public static final String KEY_FORMAT = "must be base64 of 32 random bytes (openssl rand -base64 32)";

    /** Environment variables production mode requires (deploy/ gives each, plus CERTFREE_MODE itself). */
    public static final List<String> REQUIRED = List.of(
            "QUARKUS_DATASOURCE_JDBC_URL",
            "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD",
            "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
            "MP_JWT_VERIFY_ISSUER",
            "CERTFREE_KEYS_KEK",
            "CERTFREE_PERSONAL_DATA_ENCRYPTION_KEY",
            "CERTFREE_PERSONAL_DATA_INDEX_KEY",
            "CERTFREE_PUBLIC_BASE_URL",
            "CERTFREE_PKI_ROOTS");

    private ProductionSettings() {
    }

    /**
     * Every problem of the settings, one line each naming the environment variable; empty when
     * production mode may start. {@code setting} looks a property up by its dotted name.
     */
    public static List<String> problems(Function<String, Optional<String>> setting) {
        List<String> problems = new ArrayList<>();
        setting.apply("quarkus.datasource.jdbc.url").ifPresentOrElse(url -> {
            if (!url.startsWith("jdbc:postgresql://")) {
                problems.add("QUARKUS_DATASOURCE_JDBC_URL must be a PostgreSQL URL (jdbc:postgresql://host:5432/database)");
            }
        }, () -> problems.add("QUARKUS_DATASOURCE_JDBC_URL is missing (the external PostgreSQL: jdbc:postgresql://host:5432/database)"));
        required(setting, "quarkus.datasource.username", "the database user", problems);
        required(setting, "quarkus.datasource.password", "the database user's password", problems);

        Optional<String> keyLocation = setting.apply("mp.jwt.verify.publickey.location");
        if (keyLocation.isEmpty() && setting.apply("mp.jwt.verify.publickey").isEmpty()) {
            problems.add("MP_JWT_VERIFY_PUBLICKEY_LOCATION is missing (the identity provider's JWKS URL or PEM public key)");
        } else if (keyLocation.filter(l -> l.contains("dev-token-signing")).isPresent()) {
            problems.add("MP_JWT_VERIFY_PUBLICKEY_LOCATION names the demo development-token key, not an identity provider's");
        }
        setting.apply("mp.jwt.verify.issuer").ifPresentOrElse(issuer -> {
            if (DevSigningKeys.ISSUER.equals(issuer)) {
                problems.add("MP_JWT_VERIFY_ISSUER names the development-token issuer, not the identity provider");
            }
        }, () -> problems.add("MP_JWT_VERIFY_ISSUER is missing (the identity provider's issuer, the tokens' iss)"));

        key(setting, "certfree.keys.kek", problems);
        key(setting, "certfree.personal-data.encryption-key", problems);
        key(setting, "certfree.personal-data.index-key", problems);

        setting.apply("certfree.public-base-url").ifPresentOrElse(url -> {
            if (!isHttpUrl(url)) {
                problems.add("CERTFREE_PUBLIC_BASE_URL must be an absolute http(s) URL without query (e.g. https://zwfw.example.gov.cn)");
            }
        }, () -> problems.add("CERTFREE_PUBLIC_BASE_URL is missing (the public address printed in proofs' QR codes,"
                + " e.g. https://zwfw.example.gov.cn)"));

        Optional<String> roots = setting.apply("certfree.pki.roots");
        if (roots.isEmpty() && setting.apply("certfree.pki.roots-file").isEmpty()) {
            problems.add("CERTFREE_PKI_ROOTS is missing (PEM of the CA root certificate(s) the departments' SM2 certificates"
                    + " chain to; or CERTFREE_PKI_ROOTS_FILE, a PEM file)");
        } else if (roots.isPresent() && !roots.get().contains("-----BEGIN CERTIFICATE-----")) {
            problems.add("CERTFREE_PKI_ROOTS must be PEM of the CA root certificate(s) (-----BEGIN CERTIFICATE-----)");
        }
        return problems;
    }

    /** The refusal printed when {@link #problems} found any. */
    public static String refusal(List<String> problems) {
        return "certfree-proofs: production mode (CERTFREE_MODE=production) refuses to start; fix these settings"
                + " (deploy/README.md):\n  - " + String.join("\n  - ", problems);
    }

    /** True for {@code http(s)://host[:port][/path]}: what a QR code can carry to a phone. */
    public static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** True when {@code value} decodes as base64 to exactly 32 bytes. */
    public static boolean isKey(String value) {
        try {
            return Base64.getDecoder().decode(value.trim()).length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void required(Function<String, Optional<String>> setting, String key, String what, List<String> problems) {
        if (setting.apply(key).isEmpty()) {
            problems.add(Settings.envName(key) + " is missing (" + what + ")");
        }
    }

    private static void key(Function<String, Optional<String>> setting, String key, List<String> problems) {
        Optional<String> value = setting.apply(key);
        if (value.isEmpty()) {
            problems.add(Settings.envName(key) + " is missing: it " + KEY_FORMAT);
        } else if (!isKey(value.get())) {
            problems.add(Settings.envName(key) + " " + KEY_FORMAT);
        }
    }
}
