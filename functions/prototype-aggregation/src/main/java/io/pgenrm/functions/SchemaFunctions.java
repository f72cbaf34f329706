package io.pgenrm.functions;

import io.pgenrm.api.SchemaMigration;
import io.quarkus.funqy.Funq;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the Flyway migrations on request. On AWS, Terraform invokes it once per code change, after the database is
 * reachable and before it publishes any function version, so no function migrates while SnapStart snapshots it, and
 * a failed migration stops the apply before a version that needs the new schema goes live.
 */
@ApplicationScoped
public class SchemaFunctions {
    @Inject
    Flyway flyway;

    @Funq
    public SchemaMigration migrateSchema() {
        MigrateResult result = flyway.migrate();
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion
                : flyway.info().current().getVersion().getVersion();
        return new SchemaMigration(version, result.migrationsExecuted);
    }
}
