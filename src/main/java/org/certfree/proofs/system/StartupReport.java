package org.certfree.proofs.system;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.certfree.proofs.system.config.CertfreeConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Says at start which database is used and, in demo mode, where to go and how to get a token. */
@ApplicationScoped
public class StartupReport {

    private static final Logger LOG = Logger.getLogger(StartupReport.class);

    @Inject
    CertfreeConfig config;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    Optional<String> jdbcUrl;

    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
    int port;

    @ConfigProperty(name = "quarkus.profile", defaultValue = "prod")
    String profile;

    void report(@Observes StartupEvent event) {
        String url = jdbcUrl.map(StartupReport::withoutSecrets).orElse("(none)");
        if (config.embeddedDatabase().isPresent()) {
            LOG.infof("Database: embedded PostgreSQL at %s, data in %s", url, config.embeddedDatabase().get());
        } else {
            LOG.infof("Database: external PostgreSQL at %s", url);
        }
        if (config.mode() == CertfreeConfig.Mode.PRODUCTION) {
            LOG.info("Mode: production (no development tokens, no demo data)");
            return;
        }
        if ("test".equals(profile)) {
            return;
        }
        String base = "http://localhost:" + port;
        LOG.warn("""

                ********************************************************************************
                  DEMO MODE — development tokens are open to anyone who can reach this port.
                  Never expose it; production needs CERTFREE_MODE=production (see README).
                ********************************************************************************
                  Swagger UI:   %1$s/q/swagger-ui
                  Health:       %1$s/q/health/ready
                  Citizen page: %1$s/verify?n=<证明编号>&c=<核验码>  (the "Demo data" log line gives a demo proof's link)
                  Get a token:  curl -s -X POST %1$s/api/v1/dev/tokens -H 'Content-Type: application/json' \\
                                  -d '{"role":"ADMIN"}'
                                (roles: ADMIN, REVIEWER+dept BZSFJ, LIST_EDITOR/ISSUER+dept BZGAJ,
                                 VERIFIER+dept KELSZWZX, CITIZEN+subject <resident ID>)
                ********************************************************************************""".formatted(base));
    }

    /** Drops a password=… parameter from a JDBC URL before logging it. */
    static String withoutSecrets(String jdbc) {
        return jdbc.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
