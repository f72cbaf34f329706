package io.pgenrm.runtime;

import io.pgenrm.postgres.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the database is: {@code PGENRM_DB_URL} (postgresql://host:port/db, with PGENRM_DB_USER and
 * PGENRM_DB_PASSWORD) or explicit Quarkus datasource settings win; otherwise an embedded PostgreSQL is started,
 * keeping its data in {@code PGENRM_DATA_DIR} so reruns resume.
 */
public final class DatabaseLocation {
    private DatabaseLocation() {
    }

    /** Datasource properties to apply before Quarkus starts, and the embedded server if one was started. */
    public record Resolved(Map<String, String> properties, Optional<EmbeddedPostgres> embedded) {
    }

    public static Resolved resolve(Map<String, String> env) {
        String url = env.get("PGENRM_DB_URL");
        if (url != null && !url.isBlank()) {
            String bare = url.replaceFirst("^(jdbc:)?postgres(ql)?://", "");
            return new Resolved(properties("postgresql://" + bare, "jdbc:postgresql://" + bare,
                    env.getOrDefault("PGENRM_DB_USER", "pgenrm"), env.getOrDefault("PGENRM_DB_PASSWORD", "")),
                    Optional.empty());
        }
        if (env.containsKey("QUARKUS_DATASOURCE_REACTIVE_URL")
                || System.getProperty("quarkus.datasource.reactive.url") != null) {
            return new Resolved(Map.of(), Optional.empty());
        }
        EmbeddedPostgres server = EmbeddedPostgres.start(EmbeddedPostgres.Options.persistent(dataDirectory(env)));
        return new Resolved(properties(server.reactiveUrl(), server.jdbcUrl(), server.user(), server.password()),
                Optional.of(server));
    }

    public static Map<String, String> properties(String reactiveUrl, String jdbcUrl, String user, String password) {
        return Map.of("quarkus.datasource.reactive.url", reactiveUrl, "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", user, "quarkus.datasource.password", password);
    }

    static Path dataDirectory(Map<String, String> env) {
        String configured = env.get("PGENRM_DATA_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return stateDirectory(env).resolve("pgdata");
    }

    /**
     * The directory the app keeps its state in, created if missing: the one holding PGENRM_DATA_DIR when that is
     * set, else /var/tmp/pgenrm for root (the embedded server runs as an unprivileged account, which cannot enter
     * /root) and ~/.local/share/pgenrm for anyone else.
     */
    public static Path stateDirectory(Map<String, String> env) {
        String configured = env.get("PGENRM_DATA_DIR");
        boolean root = "root".equals(System.getProperty("user.name"));
        Path base = configured != null && !configured.isBlank()
                ? Path.of(configured).toAbsolutePath().normalize().getParent()
                : root ? Path.of("/var/tmp/pgenrm") : Path.of(System.getProperty("user.home"), ".local", "share", "pgenrm");
        try {
            Files.createDirectories(base);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create " + base + ": " + e.getMessage(), e);
        }
        return base;
    }
}
