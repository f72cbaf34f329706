package io.pgenrm.llm;

import dev.langchain4j.model.openai.internal.OpenAiClient;
import dev.langchain4j.model.openai.internal.chat.ChatCompletionRequest;
import dev.langchain4j.model.openai.internal.chat.ChatCompletionResponse;
import dev.langchain4j.model.openai.internal.chat.SystemMessage;
import dev.langchain4j.model.openai.internal.chat.UserMessage;
import dev.langchain4j.model.openai.internal.shared.Usage;
import java.util.List;

/**
 * {@link MultiSampleEndpoint} over LangChain4j's OpenAI client, the one layer of it that exposes {@code n} and every
 * choice (its ChatModel keeps only the first). Inside Quarkus the client comes from Quarkus LangChain4j.
 */
public final class OpenAiMultiSampleEndpoint implements MultiSampleEndpoint {
    /** The finish reason of a choice cut off at max_tokens. */
    private static final String LENGTH = "length";

    private final OpenAiClient client;
    private final String model;

    public OpenAiMultiSampleEndpoint(OpenAiClient client, String model) {
        this.client = client;
        this.model = model;
    }

    @Override
    public Completions complete(String system, String user, double temperature, int maxTokens, long seed, int n) {
        ChatCompletionRequest request = ChatCompletionRequest.builder().model(model)
                .messages(SystemMessage.from(system), UserMessage.from(user)).temperature(temperature)
                .maxTokens(maxTokens).seed((int) (seed & 0x7fffffff)).n(n).build();
        ChatCompletionResponse response = client.chatCompletion(request).execute();
        List<Completions.Choice> choices = response.choices() == null ? List.of()
                : response.choices().stream().filter(c -> c.message() != null)
                        .map(c -> new Completions.Choice(c.message().content() == null ? "" : c.message().content(),
                                LENGTH.equals(c.finishReason())))
                        .toList();
        Usage usage = response.usage();
        long in = usage == null || usage.promptTokens() == null ? 0 : usage.promptTokens();
        long out = usage == null || usage.completionTokens() == null ? 0 : usage.completionTokens();
        return new Completions(choices, in, out);
    }
}
