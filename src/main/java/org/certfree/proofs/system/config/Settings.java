package org.certfree.proofs.system.config;

import java.util.Locale;
import java.util.Optional;

/**
 * Reads settings before Quarkus has started (system property first, then the environment variable
 * named by MicroProfile Config's rule: {@code a.b-c} becomes {@code A_B_C}).
 */
public final class Settings {

    private Settings() {
    }

    public static Optional<String> get(String key) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            value = System.getenv(envName(key));
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    public static boolean productionMode() {
        return get("certfree.mode").map(m -> m.equalsIgnoreCase("production")).orElse(false);
    }
}
