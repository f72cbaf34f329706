package io.pgenrm.runtime;

import io.pgenrm.runtime.aws.LambdaEnvironment;
import io.pgenrm.runtime.aws.SecretReader;
import io.quarkiverse.langchain4j.auth.ModelAuthProvider;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The inference API key from Secrets Manager, so it never sits in a Lambda environment variable: when
 * PGENRM_LLM_API_KEY_SECRET_ARN is set (environment, read through MicroProfile Config), every request to the OpenAI-compatible endpoint carries
 * {@code Authorization: Bearer <SecretString>}. The secret is read on the first request (an invocation, where the
 * Parameters and Secrets extension answers) and again every 15 minutes for rotation. Without the variable this
 * adds nothing and the configured quarkus.langchain4j.openai.api-key is sent.
 */
@ApplicationScoped
@Unremovable
public class LlmApiKeyFromSecret implements ModelAuthProvider {
    static final String SECRET_ARN = "PGENRM_LLM_API_KEY_SECRET_ARN";
    static final Duration MAX_AGE = Duration.ofMinutes(15);

    private final Optional<Supplier<String>> apiKey;

    public LlmApiKeyFromSecret() {
        this(LambdaEnvironment.read(ConfigProvider.getConfig(), List.of(SECRET_ARN)), SecretReader::forThisFunction,
                Clock.systemUTC());
    }

    LlmApiKeyFromSecret(Map<String, String> env, Function<Map<String, String>, SecretReader> readers, Clock clock) {
        String arn = env.get(SECRET_ARN);
        if (arn == null || arn.isBlank()) {
            this.apiKey = Optional.empty();
        } else {
            SecretReader reader = readers.apply(env);
            this.apiKey = Optional.of(new PeriodicallyRefreshed<>(() -> reader.secretString(arn).trim(), MAX_AGE, clock));
        }
    }

    @Override
    public String getAuthorization(Input input) {
        return apiKey.map(key -> "Bearer " + key.get()).orElse(null);
    }
}
