package io.pgenrm.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A simulated OpenAI-compatible chat endpoint speaking the real HTTP protocol: realistic staged outputs, a
 * malformed output, a 500 that recovers, and a 429 with Retry-After that recovers, chosen by what the prompt
 * contains. WireMock's journal ({@code GET /__admin/requests}) tells what was served.
 */
public class SimulatedOpenAiEndpoint implements QuarkusTestResourceLifecycleManager {
    static final String MALFORMED_MARKER = "PLEASE-BREAK-THE-JUDGE";
    static final String FLAKY_MARKER = "FLAKY-ENDPOINT";
    /** Scoring requests holding this take 5 s: longer than a short reward deadline. */
    static final String SLOW_MARKER = "SLOW-ENDPOINT";
    static final String RATE_LIMITED_MARKER = "RATE-LIMITED-ENDPOINT";
    static final int RETRY_AFTER_SECONDS = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        stub("work out this user's persona", """
                The user keeps choosing short, direct answers.
                <JSON_START>{"analysis": "Prefers brevity.", "traits": [{"dimension": "style",
                "statement": "prefers short answers", "strength": 0.8, "evidence": ["chose the 1-line answer"]}]}
                <JSON_END>""");
        stub("write the criteria", """
                <JSON_START>{"criteria": [{"name": "Brevity", "description": "short", "weight": 60},
                {"name": "Accuracy", "description": "correct", "weight": 40}]}<JSON_END>""");
        stub("score every response", """
                <JSON_START>{"scores": {"response_1": {"Brevity": 9, "Accuracy": "8"},
                "response_2": {"Brevity": 3, "Accuracy": 8}}, "rationale": "the first is shorter"}<JSON_END>""");
        server.stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(1)
                .withRequestBody(containing(MALFORMED_MARKER)).withRequestBody(containing("score every response"))
                .willReturn(completion("I refuse to answer in JSON today.")));
        server.stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(1).inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED).withRequestBody(containing(FLAKY_MARKER))
                .willReturn(aResponse().withStatus(500).withBody("{\"error\": \"overloaded\"}"))
                .willSetStateTo("recovered"));
        server.stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(1)
                .withRequestBody(containing(SLOW_MARKER)).withRequestBody(containing("score every response"))
                .willReturn(completion("<JSON_START>{\"scores\": {}}<JSON_END>").withFixedDelay(5000)));
        server.stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(1).inScenario("rate limited")
                .whenScenarioStateIs(Scenario.STARTED).withRequestBody(containing(RATE_LIMITED_MARKER))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS))
                        .withBody("{\"error\": {\"code\": \"rate_limit_exceeded\"}}"))
                .willSetStateTo("recovered"));
        return Map.of("quarkus.langchain4j.openai.base-url", server.baseUrl() + "/v1");
    }

    private void stub(String promptPhrase, String output) {
        server.stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(5)
                .withRequestBody(containing(promptPhrase)).willReturn(completion(output)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder completion(String content) {
        try {
            String body = JSON.writeValueAsString(Map.of("id", "cmpl-1", "object", "chat.completion", "created", 1,
                    "model", "p-genrm-8b", "choices", java.util.List.of(Map.of("index", 0, "message",
                            Map.of("role", "assistant", "content", content), "finish_reason", "stop")),
                    "usage", Map.of("prompt_tokens", 100, "completion_tokens", 20, "total_tokens", 120)));
            return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
