package io.pgenrm.runtime.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgenrm.runtime.MovableClock;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutionRoleCredentialsTest {
    private static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");

    @Test
    void takesTheEnvironmentVariablesOfAnOrdinaryFunction() {
        ExecutionRoleCredentials role = new ExecutionRoleCredentials(Map.of("AWS_ACCESS_KEY_ID", "ASIAENV",
                "AWS_SECRET_ACCESS_KEY", "env-secret", "AWS_SESSION_TOKEN", "env-token"), HttpClient.newHttpClient(),
                Clock.fixed(NOW, ZoneOffset.UTC));

        AwsCredentials credentials = role.current();

        assertThat(credentials.accessKeyId()).isEqualTo("ASIAENV");
        assertThat(credentials.secretAccessKey()).isEqualTo("env-secret");
        assertThat(credentials.sessionToken()).contains("env-token");
        assertThat(credentials.toString()).doesNotContain("env-secret").doesNotContain("env-token");
    }

    @Test
    void fetchesFromTheContainerEndpointUnderSnapStartAndRefreshesBeforeExpiry() {
        try (LocalEndpoint endpoint = new LocalEndpoint(request -> "auth-token".equals(request.header("Authorization"))
                ? new LocalEndpoint.Reply(200, """
                        {"AccessKeyId": "ASIACONTAINER", "SecretAccessKey": "container-secret", "Token": "t",
                         "Expiration": "2025-06-01T11:00:00Z"}""")
                : new LocalEndpoint.Reply(403, ""))) {
            MovableClock clock = new MovableClock(NOW);
            ExecutionRoleCredentials role = new ExecutionRoleCredentials(Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI",
                    endpoint.uri("/2021-04-23/credentials").toString(), "AWS_CONTAINER_AUTHORIZATION_TOKEN",
                    "auth-token"), HttpClient.newHttpClient(), clock);

            assertThat(role.current().accessKeyId()).isEqualTo("ASIACONTAINER");
            assertThat(role.current().expiration()).contains(Instant.parse("2025-06-01T11:00:00Z"));
            clock.now = NOW.plus(Duration.ofMinutes(50));
            role.current();
            assertThat(endpoint.requests).hasSize(1);

            clock.now = NOW.plus(Duration.ofMinutes(56));
            role.current();
            assertThat(endpoint.requests).hasSize(2);
        }
    }

    @Test
    void readsTheAuthorizationTokenFromItsFile(@TempDir Path dir) throws Exception {
        Path tokenFile = Files.writeString(dir.resolve("token"), "file-token\n");
        try (LocalEndpoint endpoint = new LocalEndpoint(request -> "file-token".equals(request.header("Authorization"))
                ? new LocalEndpoint.Reply(200, "{\"AccessKeyId\": \"ASIAFILE\", \"SecretAccessKey\": \"s\"}")
                : new LocalEndpoint.Reply(403, ""))) {
            ExecutionRoleCredentials role = new ExecutionRoleCredentials(Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI",
                    endpoint.uri("/creds").toString(), "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", tokenFile.toString()),
                    HttpClient.newHttpClient(), Clock.fixed(NOW, ZoneOffset.UTC));

            assertThat(role.current().accessKeyId()).isEqualTo("ASIAFILE");
        }
    }

    @Test
    void saysWhatIsMissingWithoutAnyCredentials() {
        ExecutionRoleCredentials role = new ExecutionRoleCredentials(Map.of(), HttpClient.newHttpClient(),
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(role::current).hasMessageContaining("AWS_CONTAINER_CREDENTIALS_FULL_URI");
    }
}
