package io.pgenrm.runtime;

import dev.langchain4j.model.openai.internal.OpenAiClient;
import io.pgenrm.llm.MultiSampleEndpoint;
import io.pgenrm.llm.OpenAiMultiSampleEndpoint;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Builds the client behind the judge's {@code n}-sample requests from the same quarkus.langchain4j.openai settings as
 * the chat model. Inside Quarkus, {@link OpenAiClient#builder()} yields Quarkus LangChain4j's REST client, so the
 * connection pool ({@link InferenceConnectionPool}) applies; the API key comes from Secrets Manager when
 * {@link LlmApiKeyFromSecret} has one, else from configuration.
 */
final class MultiSampleClientFactory {
    private MultiSampleClientFactory() {
    }

    static MultiSampleEndpoint create(Config config, LlmApiKeyFromSecret secretKey) {
        Duration timeout = config.getOptionalValue("quarkus.langchain4j.openai.timeout", Duration.class)
                .orElse(Duration.ofSeconds(60));
        String configuredKey = config.getOptionalValue("quarkus.langchain4j.openai.api-key", String.class)
                .orElse("not-needed");
        OpenAiClient client = OpenAiClient.builder()
                .baseUrl(config.getValue("quarkus.langchain4j.openai.base-url", String.class))
                .apiKey(configuredKey).connectTimeout(timeout).readTimeout(timeout)
                .customHeaders(() -> Optional.ofNullable(secretKey.getAuthorization(null))
                        .map(auth -> Map.of("Authorization", auth)).orElse(Map.of()))
                .build();
        String model = config.getOptionalValue("quarkus.langchain4j.openai.chat-model.model-name", String.class)
                .orElse("p-genrm-8b");
        return new OpenAiMultiSampleEndpoint(client, model);
    }
}
