package org.certfree.proofs.system;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.certfree.proofs.system.config.ProductionSettings;
import org.certfree.proofs.system.config.Settings;
import org.certfree.proofs.system.db.EmbeddedDatabase;
import org.certfree.proofs.system.security.DevSigningKeys;

/**
 * Entry point. In demo mode with no database configured it starts the embedded PostgreSQL before
 * Quarkus and stops it after; production mode refuses to start, before anything is served, unless
 * every setting {@link ProductionSettings} requires is present and well-formed.
 */
@QuarkusMain
public class CertfreeMain {

    public static void main(String... args) {
        if (Settings.productionMode()) {
            List<String> problems = ProductionSettings.problems(Settings::get);
            if (!problems.isEmpty()) {
                System.err.println(ProductionSettings.refusal(problems));
                System.exit(2);
            }
            setIfAbsent("quarkus.log.console.json.enabled", "true"); // log lines for a log pipeline
            Quarkus.run(args);
            return;
        }

        Path dataDir = Path.of(Settings.get("certfree.data-dir").orElse("data"));
        DevSigningKeys.prepare(dataDir.resolve("dev-tokens")).forEach(CertfreeMain::setIfAbsent);
        // Demo mode mints any role's token for anyone who asks: by default only this machine may ask.
        // QUARKUS_HTTP_HOST=0.0.0.0 opens it to the network (a shared test server, a container).
        setIfAbsent("quarkus.http.host", "localhost");

        if (Settings.get("quarkus.datasource.jdbc.url").isPresent()) {
            Quarkus.run(args);
            return;
        }
        EmbeddedDatabase database = EmbeddedDatabase.start(dataDir, true);
        System.setProperty("quarkus.datasource.jdbc.url", database.jdbcUrl());
        System.setProperty("quarkus.datasource.username", database.username());
        System.setProperty("quarkus.datasource.password", database.password());
        System.setProperty("certfree.embedded-database", database.dataDirectory().toString());
        // Quarkus calls the exit handler once the application has stopped (Ctrl-C, SIGTERM or
        // Quarkus.asyncExit): only then is it safe to stop the database under it. On a signal the
        // JVM waits for its shutdown hooks, not for the main thread running that handler: Quarkus'
        // hook returns as soon as the application has stopped, and the JVM could halt while
        // PostgreSQL is still shutting down (or before it was told to). This hook holds the JVM until
        // the handler has stopped the database — or stops it itself if the handler never comes.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!database.awaitClosed(STOP_WAIT)) {
                database.close();
            }
        }, "embedded-postgresql-stop"));
        Quarkus.run(Service.class, (exitCode, failure) -> {
            database.close();
            if (!jvmShuttingDown()) {
                System.exit(exitCode);
            }
        }, args);
    }

    /** Longest the JVM waits at exit for the application to stop and hand over the database. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(90);

    /** Runs until Quarkus is asked to stop. */
    public static class Service implements QuarkusApplication {
        @Override
        public int run(String... args) {
            Quarkus.waitForExit();
            return 0;
        }
    }

    /** System.exit during JVM shutdown (SIGTERM) would block forever. */
    private static boolean jvmShuttingDown() {
        try {
            Thread probe = new Thread(() -> { });
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (Settings.get(key).isEmpty()) {
            System.setProperty(key, value);
        }
    }
}
