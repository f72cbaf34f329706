package io.pgenrm.testing;

import io.pgenrm.runtime.DatabaseLocation;
import io.pgenrm.postgres.EmbeddedPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} or {@code @QuarkusIntegrationTest} a real, throw-away PostgreSQL (no Docker, no Dev
 * Services). It runs in the test's JVM, so the test itself can reach the database too ({@link StoredStateOverSql}).
 */
public class EmbeddedPostgresTestResource implements QuarkusTestResourceLifecycleManager {
    /**
     * Where the running database is, for the test: system properties, because a {@code @QuarkusTest} sees this class
     * through another class loader than the one that started it, and an integration test has no injection. Not under
     * pgenrm., whose properties the function's configuration checks.
     */
    static final String JDBC_URL = "pgenrm-test-database.jdbc-url";
    static final String USER = "pgenrm-test-database.user";
    static final String PASSWORD = "pgenrm-test-database.password";

    private EmbeddedPostgres server;

    @Override
    public Map<String, String> start() {
        server = EmbeddedPostgres.start(EmbeddedPostgres.Options.temporary());
        System.setProperty(JDBC_URL, server.jdbcUrl());
        System.setProperty(USER, server.user());
        System.setProperty(PASSWORD, server.password());
        Map<String, String> config = new HashMap<>(DatabaseLocation.properties(server.reactiveUrl(), server.jdbcUrl(),
                server.user(), server.password()));
        config.put("quarkus.flyway.migrate-at-start", "true");
        return config;
    }

    @Override
    public void stop() {
        System.clearProperty(JDBC_URL);
        System.clearProperty(USER);
        System.clearProperty(PASSWORD);
        if (server != null) {
            server.close();
        }
    }
}
