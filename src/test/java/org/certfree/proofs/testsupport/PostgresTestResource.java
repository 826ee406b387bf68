package org.certfree.proofs.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.certfree.proofs.keys.pki.TestCa;
import org.certfree.proofs.system.config.Settings;
import org.certfree.proofs.system.db.EmbeddedDatabase;
import org.certfree.proofs.system.security.DevSigningKeys;

/**
 * Gives the tests a real PostgreSQL: a throwaway embedded one (wiped afterwards), or the database
 * named by QUARKUS_DATASOURCE_JDBC_URL when set. Never H2.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase database;

    @Override
    public Map<String, String> start() {
        Path base = Path.of("target", "test-data");
        Map<String, String> config = new HashMap<>(DevSigningKeys.prepare(base.resolve("dev-tokens")));
        // a test CA besides the demo root, to test uploads of certificates an external CA issued (made at the first run)
        config.put("certfree.pki.roots-file", TestCa.rootsFile().toString());
        Optional<String> external = Settings.get("quarkus.datasource.jdbc.url");
        if (external.isEmpty()) {
            database = EmbeddedDatabase.start(base, false);
            config.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
            config.put("quarkus.datasource.username", database.username());
            config.put("quarkus.datasource.password", database.password());
            config.put("certfree.embedded-database", database.dataDirectory().toString());
        }
        return config;
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
    }
}
