package io.pgenrm.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.pgenrm.testing.EmbeddedPostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The llm backend through Quarkus LangChain4j against a simulated OpenAI-compatible endpoint. */
@QuarkusTest
@TestProfile(LlmBackendTest.LlmProfile.class)
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
@QuarkusTestResource(value = SimulatedOpenAiEndpoint.class, restrictToAnnotatedClass = true)
class LlmBackendTest {
    @ConfigProperty(name = "quarkus.langchain4j.openai.base-url")
    String baseUrl;

    public static class LlmProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pgenrm.backend", "llm", "pgenrm.llm.format", "staged", "pgenrm.max-resamples", "1",
                    "pgenrm.llm.max-retries", "2", "pgenrm.llm.initial-backoff", "PT0.01S",
                    "pgenrm.llm.max-backoff", "PT0.05S");
        }
    }

    private static String request(String userId, String secondCandidate) {
        return "{\"requestId\": \"" + userId + "-r\", \"userId\": \"" + userId + "\", \"history\": {\"userId\": \""
                + userId + "\", \"pairs\": [{\"context\": [{\"role\": \"user\", \"content\": \"Define API\"}], "
                + "\"chosen\": \"An interface.\", \"rejected\": \"An application programming interface is...\"}]}, "
                + "\"scenario\": {\"context\": [{\"role\": \"user\", \"content\": \"What is DNS?\"}], "
                + "\"candidates\": [\"Name lookup.\", \"" + secondCandidate + "\"]}, "
                + "\"scaling\": {\"ind\": 2, \"pro\": 0, \"selfWeight\": 0.5, \"prototypeWeight\": 0.5}}";
    }

    @Test
    void stagedChainsAreScoredAndEveryCallAndTokenCounted() {
        given().contentType(ContentType.JSON).body(request("alice", "A long explanation of DNS."))
                .post("/evaluate").then().statusCode(200)
                .body("chains", hasSize(2))
                .body("chains[0].status", equalTo("OK"))
                .body("chains[0].rubric.criteria[0].name", equalTo("Brevity"))
                .body("chains[0].scores", hasSize(2))
                .body("rewards", hasSize(2))
                // 1 persona + 2 samples x (rubric + scores); 100 prompt and 20 completion tokens each.
                .body("cost.calls", equalTo(5))
                .body("cost.promptTokens", equalTo(500))
                .body("cost.completionTokens", equalTo(100));
    }

    @Test
    void malformedJudgeOutputIsResampledThenCountedAsParseFailure() {
        given().contentType(ContentType.JSON)
                .body(request("bob", "Long answer " + SimulatedOpenAiEndpoint.MALFORMED_MARKER))
                .post("/evaluate").then().statusCode(200)
                .body("parseFailures", equalTo(2))
                // Each of the two samples asked once more (max-resamples 1) before it counted as a parse failure.
                .body("cost.resamples", equalTo(2))
                .body("chains[0].status", equalTo("PARSE_FAILURE"))
                .body("rewards", hasSize(0))
                .body("choice", equalTo(null));
    }

    @Test
    void serverErrorIsRetriedAndTheSampleStillScores() {
        given().contentType(ContentType.JSON)
                .body(request("carol", "Long answer " + SimulatedOpenAiEndpoint.FLAKY_MARKER))
                .post("/evaluate").then().statusCode(200)
                .body("callFailures", equalTo(0))
                .body("chains[0].status", equalTo("OK"))
                .body("chains[1].status", equalTo("OK"))
                .body("cost.serverErrors", equalTo(1))
                .body("cost.retries", equalTo(1));

        // The endpoint really answered 500, and the very same request came again and got its answer.
        ServedRequest refused = only(served(SimulatedOpenAiEndpoint.FLAKY_MARKER, 500));
        assertThat(served(SimulatedOpenAiEndpoint.FLAKY_MARKER, 200))
                .anySatisfy(retry -> {
                    assertThat(retry.body()).isEqualTo(refused.body());
                    assertThat(retry.at()).isAfter(refused.at());
                });
    }

    @Test
    void aRateLimitIsWaitedOutAsLongAsRetryAfterSaysThenRetried() {
        given().contentType(ContentType.JSON)
                .body(request("dave", "Long answer " + SimulatedOpenAiEndpoint.RATE_LIMITED_MARKER))
                .post("/evaluate").then().statusCode(200)
                .body("callFailures", equalTo(0))
                .body("cost.rateLimited", equalTo(1))
                .body("cost.retries", equalTo(1));

        ServedRequest refused = only(served(SimulatedOpenAiEndpoint.RATE_LIMITED_MARKER, 429));
        ServedRequest retry = served(SimulatedOpenAiEndpoint.RATE_LIMITED_MARKER, 200).stream()
                .filter(r -> r.body().equals(refused.body())).findFirst().orElseThrow();
        // The configured backoff is at most 50 ms: only the endpoint's Retry-After makes the retry wait a second.
        assertThat(Duration.between(refused.at(), retry.at()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(SimulatedOpenAiEndpoint.RETRY_AFTER_SECONDS));
    }

    /** A request the endpoint received, when, and the status it answered. */
    record ServedRequest(String body, Instant at, int status) {
    }

    /** The requests whose body contains {@code marker} that were answered {@code status}, from WireMock's journal. */
    private List<ServedRequest> served(String marker, int status) {
        List<Map<String, Object>> events = RestAssured.get(baseUrl.replaceFirst("/v1$", "") + "/__admin/requests")
                .then().statusCode(200).extract().jsonPath().getList("requests");
        List<ServedRequest> found = new ArrayList<>();
        for (Map<String, Object> event : events) {
            @SuppressWarnings("unchecked")
            Map<String, Object> request = (Map<String, Object>) event.get("request");
            @SuppressWarnings("unchecked")
            Map<String, Object> response = (Map<String, Object>) event.get("responseDefinition");
            String body = String.valueOf(request.get("body"));
            int answered = ((Number) response.get("status")).intValue();
            if (body.contains(marker) && answered == status) {
                found.add(new ServedRequest(body, Instant.ofEpochMilli(((Number) request.get("loggedDate")).longValue()),
                        answered));
            }
        }
        return found;
    }

    private static ServedRequest only(List<ServedRequest> requests) {
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }
}
