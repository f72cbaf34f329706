package io.pgenrm.functions;

import io.pgenrm.runtime.DatabaseLocation;
import io.pgenrm.postgres.EmbeddedPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * A throw-away PostgreSQL that nothing has migrated, as the Lambda functions find it. With the init arg
 * {@code clash=true} it already holds a table Flyway did not create, so Flyway refuses to migrate it.
 */
public class UnmigratedDatabaseResource implements QuarkusTestResourceLifecycleManager {
    private EmbeddedPostgres server;
    private boolean clash;

    @Override
    public void init(Map<String, String> initArgs) {
        clash = Boolean.parseBoolean(initArgs.getOrDefault("clash", "false"));
    }

    @Override
    public Map<String, String> start() {
        server = EmbeddedPostgres.start(EmbeddedPostgres.Options.temporary());
        if (clash) {
            try (var connection = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
                    var statement = connection.createStatement()) {
                statement.execute("CREATE TABLE users (name TEXT)");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot prepare the clashing table", e);
            }
        }
        return DatabaseLocation.properties(server.reactiveUrl(), server.jdbcUrl(), server.user(), server.password());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
