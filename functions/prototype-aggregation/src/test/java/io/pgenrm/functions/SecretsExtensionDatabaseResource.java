package io.pgenrm.functions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.pgenrm.runtime.DatabaseLocation;
import io.pgenrm.postgres.EmbeddedPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A throw-away PostgreSQL whose real password is only in a "secret", served by a local stand-in for the Parameters
 * and Secrets extension; the configured password is wrong. The functions can only log in through
 * DatabaseCredentials reading that secret.
 */
public class SecretsExtensionDatabaseResource implements QuarkusTestResourceLifecycleManager {
    static final String SECRET_ARN = "arn:aws:secretsmanager:us-east-1:111122223333:secret:pgenrm-db-AbCdEf";
    static final String SESSION_TOKEN = "test-session-token";
    static final AtomicInteger SECRET_READS = new AtomicInteger();

    private EmbeddedPostgres database;
    private HttpServer extension;

    @Override
    public Map<String, String> start() {
        database = EmbeddedPostgres.start(EmbeddedPostgres.Options.temporary());
        String secret = secretJson(database.user(), database.password());
        try {
            extension = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        extension.createContext("/secretsmanager/get", exchange -> {
            boolean authorized = SESSION_TOKEN.equals(exchange.getRequestHeaders().getFirst("X-Aws-Parameters-Secrets-Token"))
                    && exchange.getRequestURI().getQuery().equals("secretId=" + SECRET_ARN);
            byte[] body = (authorized ? secret : "{}").getBytes(StandardCharsets.UTF_8);
            if (authorized) {
                SECRET_READS.incrementAndGet();
            }
            exchange.sendResponseHeaders(authorized ? 200 : 401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        extension.start();

        Map<String, String> config = new HashMap<>(DatabaseLocation.properties(database.reactiveUrl(),
                database.jdbcUrl(), database.user(), "not-the-password"));
        config.put("quarkus.flyway.migrate-at-start", "true");
        config.put("PGENRM_DB_SECRET_ARN", SECRET_ARN);
        config.put("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", Integer.toString(extension.getAddress().getPort()));
        config.put("AWS_SESSION_TOKEN", SESSION_TOKEN);
        return config;
    }

    private static String secretJson(String user, String password) {
        try {
            ObjectMapper json = new ObjectMapper();
            return json.writeValueAsString(Map.of("SecretString",
                    json.writeValueAsString(Map.of("username", user, "password", password, "engine", "postgres"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (extension != null) {
            extension.stop(0);
        }
        if (database != null) {
            database.close();
        }
    }
}
