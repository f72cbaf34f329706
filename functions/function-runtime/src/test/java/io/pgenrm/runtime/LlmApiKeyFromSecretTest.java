package io.pgenrm.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgenrm.runtime.aws.SecretReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmApiKeyFromSecretTest {
    private static final String ARN = "arn:aws:secretsmanager:us-east-1:111122223333:secret:llm-key-AbCdEf";
    private final List<String> reads = new ArrayList<>();
    private final SecretReader reader = secretId -> {
        reads.add(secretId);
        return "sk-" + reads.size() + "\n";
    };

    @Test
    void sendsTheSecretAsBearerTokenAndRereadsItEveryQuarterHour() {
        MovableClock clock = new MovableClock(Instant.parse("2025-06-01T10:00:00Z"));
        LlmApiKeyFromSecret auth = new LlmApiKeyFromSecret(Map.of(LlmApiKeyFromSecret.SECRET_ARN, ARN), env -> reader,
                clock);

        assertThat(reads).isEmpty();
        assertThat(auth.getAuthorization(null)).isEqualTo("Bearer sk-1");
        clock.now = clock.now.plus(Duration.ofMinutes(14));
        assertThat(auth.getAuthorization(null)).isEqualTo("Bearer sk-1");
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertThat(auth.getAuthorization(null)).isEqualTo("Bearer sk-2");
        assertThat(reads).containsExactly(ARN, ARN);
    }

    @Test
    void leavesTheConfiguredKeyAloneWithoutASecret() {
        LlmApiKeyFromSecret auth = new LlmApiKeyFromSecret(Map.of(), env -> {
            throw new AssertionError("no secret reader is needed");
        }, new MovableClock(Instant.EPOCH));

        assertThat(auth.getAuthorization(null)).isNull();
    }
}
