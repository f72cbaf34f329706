package io.pgenrm.testing;

import io.pgenrm.runtime.DatabaseLocation;
import io.pgenrm.postgres.EmbeddedPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/** Gives a {@code @QuarkusTest} a real, throw-away PostgreSQL (no Docker, no Dev Services). */
public class EmbeddedPostgresTestResource implements QuarkusTestResourceLifecycleManager {
    private EmbeddedPostgres server;

    @Override
    public Map<String, String> start() {
        server = EmbeddedPostgres.start(EmbeddedPostgres.Options.temporary());
        Map<String, String> config = new HashMap<>(DatabaseLocation.properties(server.reactiveUrl(), server.jdbcUrl(),
                server.user(), server.password()));
        config.put("quarkus.flyway.migrate-at-start", "true");
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
