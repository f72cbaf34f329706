package io.pgenrm.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulatedInferenceServerProtocolTest {
    private static final String PROMPT = "Score these.\n<JSON_START>\n{\"rationale\": \"...\", \"better_response\": {}}\n"
            + "<JSON_END>\nResponse 1:\n[BEGIN RESPONSE 1 #0a]\nShort answer.\n[END RESPONSE 1 #0a]\n\n"
            + "Response 2:\n[BEGIN RESPONSE 2 #0b]\n- a longer answer\n- with a list\n[END RESPONSE 2 #0b]";
    private static final String SCORING_PROMPT = "Score them.\n{\"scores\": {}}\nThe rubric:\n"
            + "- Brevity (60%): short\n- Flowing prose (40%): no lists\n\n"
            + "Response 1:\n[BEGIN RESPONSE 1 #0a]\nShort answer.\n[END RESPONSE 1 #0a]\n\n"
            + "Response 2:\n[BEGIN RESPONSE 2 #0b]\n- a longer answer\n- with a list\n[END RESPONSE 2 #0b]";

    private SimulatedInferenceServer server;
    private ChatClient client;

    @BeforeEach
    void start() {
        server = new SimulatedInferenceServer(SimulatorSettings.builder().modelName("sim-model").build());
        assertThat(server.start()).isPositive();
        client = new ChatClient(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void answersAChatCompletionObjectWithUsage() throws Exception {
        ChatClient.Reply reply = client.post(ChatClient.body(PROMPT, 42, 1));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.raw().headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = reply.body();
        assertThat(body.path("id").asText()).startsWith("chatcmpl-");
        assertThat(body.path("object").asText()).isEqualTo("chat.completion");
        assertThat(body.path("created").asLong()).isPositive();
        assertThat(body.path("model").asText()).isEqualTo("judge");
        JsonNode choice = body.path("choices").path(0);
        assertThat(choice.path("index").asInt()).isZero();
        assertThat(choice.path("message").path("role").asText()).isEqualTo("assistant");
        assertThat(choice.path("message").path("content").asText()).contains("\"better_response\"");
        assertThat(choice.path("finish_reason").asText()).isEqualTo("stop");
        JsonNode usage = body.path("usage");
        assertThat(usage.path("prompt_tokens").asLong()).isGreaterThanOrEqualTo(PROMPT.length() / 4);
        assertThat(usage.path("completion_tokens").asLong())
                .isEqualTo((choice.path("message").path("content").asText().length() + 3) / 4);
        assertThat(usage.path("total_tokens").asLong())
                .isEqualTo(usage.path("prompt_tokens").asLong() + usage.path("completion_tokens").asLong());
    }

    @Test
    void nReturnsNDistinctChoicesFromOneRequest() throws Exception {
        ChatClient.Reply reply = client.post(ChatClient.body(SCORING_PROMPT, 7, 6));

        assertThat(reply.body().path("choices")).hasSize(6);
        Set<String> contents = new HashSet<>();
        for (int c = 0; c < 6; c++) {
            assertThat(reply.body().path("choices").path(c).path("index").asInt()).isEqualTo(c);
            contents.add(reply.content(c));
        }
        assertThat(contents).hasSize(6);
        assertThat(server.stats().choices()).isEqualTo(6);
        assertThat(server.stats().requests()).isEqualTo(1);
    }

    @Test
    void theSameSeedGivesTheSameAnswerAndAnotherSeedADifferentOne() throws Exception {
        String first = client.post(ChatClient.body(PROMPT, 5, 1)).content(0);
        String again = client.post(ChatClient.body(PROMPT, 5, 1)).content(0);
        String other = client.post(ChatClient.body(PROMPT, 6, 1)).content(0);

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void maxTokensCutsTheAnswerWithFinishReasonLength() throws Exception {
        ObjectNode body = ChatClient.body(PROMPT, 1, 1);
        body.put("max_completion_tokens", 10);

        ChatClient.Reply reply = client.post(body);

        assertThat(reply.content(0)).hasSize(40);
        assertThat(reply.body().path("choices").path(0).path("finish_reason").asText()).isEqualTo("length");
        assertThat(reply.body().path("usage").path("completion_tokens").asLong()).isEqualTo(10);
        assertThat(server.stats().lengthCutChoices()).isEqualTo(1);
    }

    @Test
    void listsTheConfiguredModel() throws Exception {
        ChatClient.Reply reply = client.get("/v1/models");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("object").asText()).isEqualTo("list");
        assertThat(reply.body().path("data").path(0).path("id").asText()).isEqualTo("sim-model");
        assertThat(reply.body().path("data").path(0).path("object").asText()).isEqualTo("model");
    }

    @Test
    void statsCountRequestsByOutcome() throws Exception {
        client.post(ChatClient.body(PROMPT, 1, 2));
        client.post("{not json", null);

        JsonNode stats = client.get("/stats").body();

        assertThat(stats.path("requests").asLong()).isEqualTo(2);
        assertThat(stats.path("outcomes").path("ok").asLong()).isEqualTo(1);
        assertThat(stats.path("outcomes").path("bad_request_400").asLong()).isEqualTo(1);
        assertThat(stats.path("outcomes").path("error_5xx").asLong()).isZero();
        assertThat(stats.path("choices").asLong()).isEqualTo(2);
        assertThat(stats.path("max_in_service_observed").asInt()).isEqualTo(1);
        assertThat(stats.path("queue_length").asInt()).isZero();
    }

    @Test
    void rejectsInvalidRequestsWithAnOpenAiError() throws Exception {
        ObjectNode streaming = ChatClient.body(PROMPT, 1, 1);
        streaming.put("stream", true);
        ObjectNode noMessages = ChatClient.body(PROMPT, 1, 1);
        noMessages.remove("messages");

        ChatClient.Reply stream = client.post(streaming);
        ChatClient.Reply missing = client.post(noMessages);

        assertThat(stream.status()).isEqualTo(400);
        assertThat(stream.body().path("error").path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(stream.body().path("error").path("param").asText()).isEqualTo("stream");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().path("error").path("param").asText()).isEqualTo("messages");
    }

    @Test
    void unknownPathsGet404() throws Exception {
        ChatClient.Reply reply = client.get("/v1/completions");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body().path("error").path("message").asText()).contains("/v1/completions");
    }
}
