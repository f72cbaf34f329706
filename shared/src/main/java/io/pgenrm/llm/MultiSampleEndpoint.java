package io.pgenrm.llm;

import java.util.List;

/**
 * Several completions of one prompt in one request (the OpenAI {@code n} parameter): an endpoint such as vLLM
 * samples them together, sharing the prompt's prefill, for the price of one request in its queue.
 */
public interface MultiSampleEndpoint {
    /** What came back: the choices (possibly fewer than asked) and the request's token counts. */
    record Completions(List<Choice> choices, long promptTokens, long completionTokens) {
        /** One completion; {@code cutOff} when the endpoint stopped it at max_tokens. */
        public record Choice(String text, boolean cutOff) {
        }

        public Completions {
            choices = List.copyOf(choices);
        }
    }

    Completions complete(String system, String user, double temperature, int maxTokens, long seed, int n);
}
