package io.pgenrm.runtime.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The execution role's credentials, as Lambda hands them over. Normally they are the AWS_ACCESS_KEY_ID,
 * AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN variables. With SnapStart those variables are absent and the runtime
 * serves credentials from a local endpoint (AWS_CONTAINER_CREDENTIALS_FULL_URI, authorized by
 * AWS_CONTAINER_AUTHORIZATION_TOKEN), so that credentials frozen into a snapshot are fetched again once expired.
 */
public final class ExecutionRoleCredentials {
    private static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

    private final Map<String, String> env;
    private final HttpClient http;
    private final Clock clock;
    private AwsCredentials cached;

    public ExecutionRoleCredentials(Map<String, String> env, HttpClient http, Clock clock) {
        this.env = Map.copyOf(env);
        this.http = http;
        this.clock = clock;
    }

    public static ExecutionRoleCredentials of(Map<String, String> env) {
        return new ExecutionRoleCredentials(env, JsonEndpoint.client(), Clock.systemUTC());
    }

    public synchronized AwsCredentials current() {
        if (cached == null || cached.expiresBefore(clock.instant().plus(REFRESH_MARGIN))) {
            cached = load();
        }
        return cached;
    }

    private AwsCredentials load() {
        String keyId = env.get("AWS_ACCESS_KEY_ID");
        if (keyId != null && !keyId.isBlank()) {
            return new AwsCredentials(keyId, env.get("AWS_SECRET_ACCESS_KEY"),
                    Optional.ofNullable(env.get("AWS_SESSION_TOKEN")), Optional.empty());
        }
        String endpoint = env.get("AWS_CONTAINER_CREDENTIALS_FULL_URI");
        if (endpoint == null || endpoint.isBlank()) {
            throw new IllegalStateException(
                    "no AWS credentials: neither AWS_ACCESS_KEY_ID nor AWS_CONTAINER_CREDENTIALS_FULL_URI is set");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint)).timeout(JsonEndpoint.TIMEOUT).GET();
        authorizationToken().ifPresent(token -> request.header("Authorization", token));
        JsonNode body = JsonEndpoint.call(http, request.build(), "container credentials endpoint");
        return new AwsCredentials(body.path("AccessKeyId").asText(), body.path("SecretAccessKey").asText(),
                Optional.ofNullable(body.path("Token").textValue()),
                Optional.ofNullable(body.path("Expiration").textValue()).map(Instant::parse));
    }

    private Optional<String> authorizationToken() {
        String token = env.get("AWS_CONTAINER_AUTHORIZATION_TOKEN");
        if (token != null && !token.isBlank()) {
            return Optional.of(token);
        }
        String file = env.get("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE");
        if (file == null || file.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(Path.of(file)).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", e);
        }
    }
}
