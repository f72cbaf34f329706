package io.pgenrm.llm;

import java.util.List;

/**
 * Several completions of one prompt in one request (the OpenAI {@code n} parameter): an endpoint such as vLLM
 * samples them together, sharing the prompt's prefill, for the price of one request in its queue.
 */
public interface MultiSampleEndpoint {
    /** What came back: the choices' texts (possibly fewer than asked) and the request's token counts. */
    record Completions(List<String> texts, long promptTokens, long completionTokens) {
    }

    Completions complete(String system, String user, double temperature, int maxTokens, long seed, int n);
}
