package org.certfree.proofs.system;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.certfree.proofs.system.config.CertfreeConfig;
import org.certfree.proofs.system.security.DevSigningKeys;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * In production mode, refuses to start on demo settings however they got in (config file, env):
 * the embedded database, the development-token keys, or no identity provider.
 */
@ApplicationScoped
public class ProductionGuard {

    @Inject
    CertfreeConfig config;

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    Optional<String> issuer;

    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    Optional<String> keyLocation;

    @ConfigProperty(name = "mp.jwt.verify.publickey")
    Optional<String> key;

    void check(@Observes @Priority(1) StartupEvent event) {
        if (config.mode() != CertfreeConfig.Mode.PRODUCTION) {
            return;
        }
        List<String> wrong = new ArrayList<>();
        if (config.embeddedDatabase().isPresent()) {
            wrong.add("the embedded database is running: set QUARKUS_DATASOURCE_JDBC_URL to an external PostgreSQL");
        }
        if (keyLocation.filter(l -> !l.contains("dev-token-signing")).isEmpty() && key.isEmpty()) {
            wrong.add("no identity provider key: set MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        }
        if (issuer.isEmpty() || DevSigningKeys.ISSUER.equals(issuer.get())) {
            wrong.add("MP_JWT_VERIFY_ISSUER must name the identity provider, not the development token issuer");
        }
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("Production mode refuses to start: " + String.join("; ", wrong));
        }
    }
}
