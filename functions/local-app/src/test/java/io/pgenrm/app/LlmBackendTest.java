package io.pgenrm.app;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.pgenrm.testing.EmbeddedPostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The llm backend through Quarkus LangChain4j against a simulated OpenAI-compatible endpoint. */
@QuarkusTest
@TestProfile(LlmBackendTest.LlmProfile.class)
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
@QuarkusTestResource(value = SimulatedOpenAiEndpoint.class, restrictToAnnotatedClass = true)
class LlmBackendTest {
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
                .body("chains[1].status", equalTo("OK"));
    }
}
