package io.pgenrm.runtime;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.internal.OpenAiClient;
import io.pgenrm.llm.MultiSampleEndpoint;
import io.pgenrm.llm.OpenAiMultiSampleEndpoint;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.Config;

/**
 * The llm backend's clients of the inference endpoint, built from the quarkus.langchain4j.openai settings (base-url,
 * api-key, timeout, chat-model.model-name, log-requests, log-responses). Inside Quarkus the builders yield Quarkus
 * LangChain4j's REST client, so the connection pool ({@link InferenceConnectionPool}) and the Retry-After filter
 * ({@link InferenceRetryAfter}) apply; the API key comes from Secrets Manager when {@link LlmApiKeyFromSecret} has
 * one, else from configuration.
 *
 * <p>The chat model is built here rather than by Quarkus LangChain4j because its own retry cannot be turned off
 * there (max-retries must be at least 1, and 1 means one hidden retry, logged as a WARN with a stack trace): the
 * judge makes and counts every attempt itself (pgenrm.llm.max-retries).
 */
final class InferenceClients {
    private InferenceClients() {
    }

    static ChatModel chatModel(Config config, LlmApiKeyFromSecret secretKey) {
        return OpenAiChatModel.builder()
                .baseUrl(config.getValue("quarkus.langchain4j.openai.base-url", String.class))
                .apiKey(configuredKey(config)).customHeaders(secretHeader(secretKey))
                .timeout(timeout(config)).maxRetries(0).modelName(model(config))
                .logRequests(config.getOptionalValue("quarkus.langchain4j.openai.log-requests", Boolean.class)
                        .orElse(false))
                .logResponses(config.getOptionalValue("quarkus.langchain4j.openai.log-responses", Boolean.class)
                        .orElse(false))
                .build();
    }

    /** The client behind the judge's {@code n}-sample requests; it never retries on its own either. */
    static MultiSampleEndpoint multiSample(Config config, LlmApiKeyFromSecret secretKey) {
        Duration timeout = timeout(config);
        OpenAiClient client = OpenAiClient.builder()
                .baseUrl(config.getValue("quarkus.langchain4j.openai.base-url", String.class))
                .apiKey(configuredKey(config)).connectTimeout(timeout).readTimeout(timeout)
                .customHeaders(secretHeader(secretKey))
                .build();
        return new OpenAiMultiSampleEndpoint(client, model(config));
    }

    private static String configuredKey(Config config) {
        return config.getOptionalValue("quarkus.langchain4j.openai.api-key", String.class).orElse("not-needed");
    }

    private static Supplier<Map<String, String>> secretHeader(LlmApiKeyFromSecret secretKey) {
        return () -> Optional.ofNullable(secretKey.getAuthorization(null)).map(auth -> Map.of("Authorization", auth))
                .orElse(Map.of());
    }

    private static Duration timeout(Config config) {
        return config.getOptionalValue("quarkus.langchain4j.openai.timeout", Duration.class)
                .orElse(Duration.ofSeconds(60));
    }

    private static String model(Config config) {
        return config.getOptionalValue("quarkus.langchain4j.openai.chat-model.model-name", String.class)
                .orElse("p-genrm-8b");
    }
}
