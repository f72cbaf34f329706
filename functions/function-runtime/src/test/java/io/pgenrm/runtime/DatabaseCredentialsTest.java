package io.pgenrm.runtime;

import static io.quarkus.credentials.CredentialsProvider.PASSWORD_PROPERTY_NAME;
import static io.quarkus.credentials.CredentialsProvider.USER_PROPERTY_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgenrm.runtime.aws.SecretReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseCredentialsTest {
    private static final DatabaseCredentials.Login CONFIGURED = new DatabaseCredentials.Login("local", "local-pw");
    private final MovableClock clock = new MovableClock(Instant.parse("2025-06-01T10:00:00Z"));

    @Test
    void iamAuthGivesAFreshProxyTokenAsPassword() {
        Map<String, String> env = Map.of("PGENRM_DB_IAM_AUTH", "true", "PGENRM_DB_HOST",
                "pgenrm-dev-db.proxy-abc.us-east-1.rds.amazonaws.com", "PGENRM_DB_PORT", "5432", "PGENRM_DB_USER",
                "pgenrm_admin", "AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "ASIAROLE", "AWS_SECRET_ACCESS_KEY",
                "role-secret", "AWS_SESSION_TOKEN", "role-token");
        DatabaseCredentials credentials = new DatabaseCredentials(env, e -> {
            throw new AssertionError("IAM auth reads no secret");
        }, CONFIGURED, clock);

        Map<String, String> first = credentials.getCredentials(DatabaseCredentials.NAME);
        clock.now = clock.now.plus(Duration.ofMinutes(20));
        Map<String, String> later = credentials.getCredentials(DatabaseCredentials.NAME);

        assertThat(first).containsEntry(USER_PROPERTY_NAME, "pgenrm_admin");
        assertThat(first.get(PASSWORD_PROPERTY_NAME)).startsWith(
                "pgenrm-dev-db.proxy-abc.us-east-1.rds.amazonaws.com:5432/?Action=connect&DBUser=pgenrm_admin&")
                .contains("X-Amz-Date=20250601T100000Z").contains("X-Amz-Security-Token=role-token");
        assertThat(later.get(PASSWORD_PROPERTY_NAME)).contains("X-Amz-Date=20250601T102000Z");
    }

    @Test
    void iamAuthNamesAMissingSetting() {
        assertThatThrownBy(() -> new DatabaseCredentials(Map.of("PGENRM_DB_IAM_AUTH", "true", "PGENRM_DB_HOST", "h"),
                e -> null, CONFIGURED, clock)).hasMessageContaining("PGENRM_DB_USER");
    }

    @Test
    void aSecretGivesItsUsernameAndPassword() {
        int[] reads = {0};
        SecretReader reader = secretId -> {
            reads[0]++;
            return "{\"username\": \"pgenrm_admin\", \"password\": \"pw-" + reads[0] + "\", \"engine\": \"postgres\"}";
        };
        DatabaseCredentials credentials = new DatabaseCredentials(Map.of("PGENRM_DB_SECRET_ARN", "arn:db-secret"),
                e -> reader, CONFIGURED, clock);

        assertThat(credentials.getCredentials(DatabaseCredentials.NAME))
                .containsEntry(USER_PROPERTY_NAME, "pgenrm_admin").containsEntry(PASSWORD_PROPERTY_NAME, "pw-1");
        credentials.getCredentials(DatabaseCredentials.NAME);
        clock.now = clock.now.plus(DatabaseCredentials.SECRET_MAX_AGE);
        assertThat(credentials.getCredentials(DatabaseCredentials.NAME)).containsEntry(PASSWORD_PROPERTY_NAME, "pw-2");
    }

    @Test
    void aSecretWithoutPasswordIsReportedWithoutItsContent() {
        DatabaseCredentials credentials = new DatabaseCredentials(Map.of("PGENRM_DB_SECRET_ARN", "arn:db-secret"),
                e -> secretId -> "{\"username\": \"u\", \"token\": \"do-not-print\"}", CONFIGURED, clock);

        assertThatThrownBy(() -> credentials.getCredentials(DatabaseCredentials.NAME))
                .hasMessageContaining("needs \"username\" and \"password\"").hasMessageNotContaining("do-not-print");
    }

    @Test
    void withoutIamOrSecretTheConfiguredLoginIsKept() {
        DatabaseCredentials credentials = new DatabaseCredentials(Map.of(), e -> {
            throw new AssertionError("no secret");
        }, CONFIGURED, clock);

        assertThat(credentials.getCredentials(DatabaseCredentials.NAME))
                .containsEntry(USER_PROPERTY_NAME, "local").containsEntry(PASSWORD_PROPERTY_NAME, "local-pw");
        assertThat(CONFIGURED.toString()).doesNotContain("local-pw");
    }
}
