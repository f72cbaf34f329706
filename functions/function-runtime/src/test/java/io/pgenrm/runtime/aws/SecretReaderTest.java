package io.pgenrm.runtime.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Both ways to a secret, each against a local server that answers as the real endpoint does. */
class SecretReaderTest {
    private static final String ARN = "arn:aws:secretsmanager:us-east-1:111122223333:secret:pgenrm/llm-api-key-AbCdEf";

    /** Mimics the Parameters and Secrets extension: token header required, GetSecretValue-shaped answer. */
    private static LocalEndpoint extension(String sessionToken, String secretString) {
        return new LocalEndpoint(request -> {
            if (!sessionToken.equals(request.header(ParametersSecretsExtension.TOKEN_HEADER))) {
                return new LocalEndpoint.Reply(401, "{\"Code\": \"Unauthorized\"}");
            }
            String query = URLDecoder.decode(request.uri().getRawQuery(), StandardCharsets.UTF_8);
            if (!request.uri().getPath().equals("/secretsmanager/get") || !query.equals("secretId=" + ARN)) {
                return new LocalEndpoint.Reply(400, "");
            }
            return new LocalEndpoint.Reply(200, "{\"ARN\": \"" + ARN + "\", \"Name\": \"pgenrm/llm-api-key\", "
                    + "\"SecretString\": \"" + secretString + "\", \"VersionId\": \"v1\"}");
        });
    }

    @Test
    void readsThroughTheExtensionWithTheSessionToken() {
        try (LocalEndpoint endpoint = extension("session-token", "sk-from-extension")) {
            SecretReader reader = new ParametersSecretsExtension(endpoint.port(), "session-token",
                    HttpClient.newHttpClient());

            assertThat(reader.secretString(ARN)).isEqualTo("sk-from-extension");
        }
    }

    @Test
    void aRefusalNamesTheStatusButNeverEchoesABody() {
        try (LocalEndpoint endpoint = extension("right-token", "sk-secret")) {
            SecretReader reader = new ParametersSecretsExtension(endpoint.port(), "wrong-token",
                    HttpClient.newHttpClient());

            assertThatThrownBy(() -> reader.secretString(ARN)).hasMessageContaining("HTTP 401 (Unauthorized)")
                    .hasMessageNotContaining("sk-secret");
            assertThat(endpoint.requests).hasSize(1);
        }
    }

    @Test
    void callsGetSecretValueSignedWithTheExecutionRole() {
        try (LocalEndpoint endpoint = new LocalEndpoint(request -> {
            JsonNode body = readJson(request.body());
            boolean signed = request.header("Authorization").startsWith(
                    "AWS4-HMAC-SHA256 Credential=ASIAROLE/20250601/us-east-1/secretsmanager/aws4_request, ")
                    && "role-token".equals(request.header("X-Amz-Security-Token"))
                    && "secretsmanager.GetSecretValue".equals(request.header("X-Amz-Target"))
                    && "application/x-amz-json-1.1".equals(request.header("Content-Type"))
                    && ARN.equals(body.path("SecretId").asText());
            return signed ? new LocalEndpoint.Reply(200, "{\"SecretString\": \"sk-direct\"}")
                    : new LocalEndpoint.Reply(400, "{\"__type\": \"InvalidSignatureException\"}");
        })) {
            SecretReader reader = new SecretsManagerApi(endpoint.uri("/"), "us-east-1", roleCredentials(),
                    HttpClient.newHttpClient(), Clock.fixed(Instant.parse("2025-06-01T10:00:00Z"), ZoneOffset.UTC));

            assertThat(reader.secretString(ARN)).isEqualTo("sk-direct");
            assertThat(endpoint.requests.get(0).method()).isEqualTo("POST");
        }
    }

    @Test
    void retriesThrottlingAndServerErrors() {
        AtomicInteger calls = new AtomicInteger();
        try (LocalEndpoint endpoint = new LocalEndpoint(request -> calls.incrementAndGet() < 3
                ? new LocalEndpoint.Reply(calls.get() == 1 ? 429 : 503, "")
                : new LocalEndpoint.Reply(200, "{\"SecretString\": \"sk-after-retries\"}"))) {
            SecretReader reader = new SecretsManagerApi(endpoint.uri("/"), "us-east-1", roleCredentials(),
                    HttpClient.newHttpClient(), Clock.systemUTC());

            assertThat(reader.secretString(ARN)).isEqualTo("sk-after-retries");
            assertThat(calls).hasValue(3);
        }
    }

    @Test
    void aBinarySecretIsRefused() {
        try (LocalEndpoint endpoint = new LocalEndpoint(request -> new LocalEndpoint.Reply(200,
                "{\"SecretBinary\": \"AAEC\"}"))) {
            SecretReader reader = new ParametersSecretsExtension(endpoint.port(), "t", HttpClient.newHttpClient());

            assertThatThrownBy(() -> reader.secretString(ARN)).hasMessageContaining("has no SecretString");
        }
    }

    @Test
    void choosesTheExtensionOnlyWhenItIsAttachedAndTheSessionTokenExists() {
        Map<String, String> nativeWithLayer = Map.of("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", "2773",
                "AWS_SESSION_TOKEN", "t", "AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "ASIA",
                "AWS_SECRET_ACCESS_KEY", "s");
        Map<String, String> snapStart = Map.of("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", "2773", "AWS_REGION",
                "us-east-1", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9001/creds");
        Map<String, String> noLayer = Map.of("AWS_SESSION_TOKEN", "t", "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "ASIA", "AWS_SECRET_ACCESS_KEY", "s");

        assertThat(SecretReader.forThisFunction(nativeWithLayer)).isInstanceOf(ParametersSecretsExtension.class);
        assertThat(SecretReader.forThisFunction(snapStart)).isInstanceOf(SecretsManagerApi.class);
        assertThat(SecretReader.forThisFunction(noLayer)).isInstanceOf(SecretsManagerApi.class);
        assertThatThrownBy(() -> SecretReader.forThisFunction(Map.of())).hasMessageContaining("AWS_REGION");
    }

    private static ExecutionRoleCredentials roleCredentials() {
        return new ExecutionRoleCredentials(Map.of("AWS_ACCESS_KEY_ID", "ASIAROLE", "AWS_SECRET_ACCESS_KEY",
                "role-secret", "AWS_SESSION_TOKEN", "role-token"), HttpClient.newHttpClient(), Clock.systemUTC());
    }

    private static JsonNode readJson(String text) {
        try {
            return JsonEndpoint.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
