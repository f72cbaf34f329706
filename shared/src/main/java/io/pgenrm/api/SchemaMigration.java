package io.pgenrm.api;

/**
 * Output of {@code migrateSchema}: the schema version the database is at afterwards, and how many migrations this
 * call applied (0 when it was already current).
 */
public record SchemaMigration(String version, int applied) {
}
