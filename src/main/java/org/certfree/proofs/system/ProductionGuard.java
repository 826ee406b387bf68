package org.certfree.proofs.system;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.certfree.proofs.system.config.CertfreeConfig;
import org.certfree.proofs.system.config.ProductionSettings;
import org.eclipse.microprofile.config.Config;

/**
 * In production mode, refuses to start on demo or missing settings however they got in (a config
 * file, a launcher other than {@link CertfreeMain}): the embedded database, the development-token
 * keys, or anything {@link ProductionSettings} requires.
 */
@ApplicationScoped
public class ProductionGuard {

    @Inject
    CertfreeConfig config;

    @Inject
    Config settings;

    void check(@Observes @Priority(1) StartupEvent event) {
        if (config.mode() != CertfreeConfig.Mode.PRODUCTION) {
            return;
        }
        List<String> wrong = new ArrayList<>();
        if (config.embeddedDatabase().isPresent()) {
            wrong.add("the embedded database is running: set QUARKUS_DATASOURCE_JDBC_URL to an external PostgreSQL");
        }
        wrong.addAll(ProductionSettings.problems(this::setting));
        if (!wrong.isEmpty()) {
            throw new IllegalStateException(ProductionSettings.refusal(wrong));
        }
    }

    private Optional<String> setting(String key) {
        return settings.getOptionalValue(key, String.class).map(String::trim).filter(v -> !v.isEmpty());
    }
}
