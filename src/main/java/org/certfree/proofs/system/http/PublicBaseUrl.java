package org.certfree.proofs.system.http;

import io.quarkus.vertx.http.HttpServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.certfree.proofs.system.config.CertfreeConfig;
import org.eclipse.microprofile.config.Config;

/**
 * The public address of the service that proofs' QR codes, PDFs and log lines print: the configured
 * {@code certfree.public-base-url} (production mode requires it), or in demo mode the address this
 * instance serves on, {@code http://localhost:<port listened on>} — so a demo started with
 * {@code -Dquarkus.http.port=9090} (or on a random port, 0) prints links that open.
 */
@ApplicationScoped
public class PublicBaseUrl {

    @Inject
    CertfreeConfig config;

    @Inject
    HttpServer server;

    @Inject
    Config settings;

    /** The base URL without a trailing slash. */
    public String get() {
        return config.publicBaseUrl()
                .map(String::trim)
                .filter(u -> !u.isEmpty())
                .orElseGet(() -> "http://localhost:" + port())
                .replaceAll("/+$", "");
    }

    /**
     * The port listened on once the server is up (the HTTP server starts after the startup observers:
     * before, the configured port is the best guess, and a random port, 0, is not known yet).
     */
    private int port() {
        int listening = server.getPort();
        if (listening > 0) {
            return listening;
        }
        return settings.getOptionalValue("quarkus.http.port", Integer.class).filter(p -> p > 0).orElse(8080);
    }
}
