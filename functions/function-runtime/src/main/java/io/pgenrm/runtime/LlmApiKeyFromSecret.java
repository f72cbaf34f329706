package io.pgenrm.runtime;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * PGENRM_LLM_API_KEY_SECRET_ARN is set (environment, read through MicroProfile Config), every request to the
 * OpenAI-compatible endpoint carries {@code Authorization: Bearer KEY}. KEY is the SecretString itself, or, for a
 * key/value secret, its {@code api_key} field or its only field. The secret is read on the first request (an
 * invocation, where the Parameters and Secrets extension answers) and again every 15 minutes for rotation. Without
 * the variable this adds nothing and the configured quarkus.langchain4j.openai.api-key is sent.
 *
 * <p>No error message quotes the secret: an unusable one is described by its shape only.
 */
@ApplicationScoped
@Unremovable
public class LlmApiKeyFromSecret implements ModelAuthProvider {
    static final String SECRET_ARN = "PGENRM_LLM_API_KEY_SECRET_ARN";
    static final Duration MAX_AGE = Duration.ofMinutes(15);
    static final String KEY_FIELD = "api_key";
    private static final ObjectMapper JSON = new ObjectMapper();

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
            this.apiKey = Optional.of(new PeriodicallyRefreshed<>(() -> apiKeyOf(reader.secretString(arn), arn),
                    MAX_AGE, clock));
        }
    }

    static String apiKeyOf(String secretString, String arn) {
        String key = secretString.strip();
        if (key.startsWith("{")) {
            key = fieldOf(key, arn);
        }
        if (key.isEmpty() || key.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalStateException("secret " + arn + " is not usable as an API key: it is empty or holds "
                    + "whitespace or control characters");
        }
        return key;
    }

    private static String fieldOf(String json, String arn) {
        JsonNode secret;
        try {
            secret = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the offending text, so neither it nor the exception is passed on.
            JsonLocation at = e.getLocation();
            throw new IllegalStateException("secret " + arn + " starts like a JSON object but does not parse (line "
                    + (at == null ? "?" : at.getLineNr()) + ", column " + (at == null ? "?" : at.getColumnNr()) + ")");
        }
        JsonNode key = secret.has(KEY_FIELD) || secret.size() != 1 ? secret.path(KEY_FIELD) : secret.elements().next();
        if (!key.isTextual()) {
            throw new IllegalStateException("secret " + arn + " is a JSON object with " + secret.size()
                    + " field(s) but neither a text field \"" + KEY_FIELD + "\" nor a single text field");
        }
        return key.asText().strip();
    }

    @Override
    public String getAuthorization(Input input) {
        return apiKey.map(key -> "Bearer " + key.get()).orElse(null);
    }
}
