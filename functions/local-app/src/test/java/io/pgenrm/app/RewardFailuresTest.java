package io.pgenrm.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.pgenrm.testing.EmbeddedPostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Judge failures through the reward API, on the llm backend against a simulated endpoint: a query the judge cannot
 * score and a judge slower than the request's deadline are flagged per query, with null rewards, while the other
 * queries of the same request get theirs.
 */
@QuarkusTest
@TestProfile(RewardFailuresTest.ShortDeadline.class)
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
@QuarkusTestResource(value = SimulatedOpenAiEndpoint.class, restrictToAnnotatedClass = true)
class RewardFailuresTest {
    public static class ShortDeadline implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pgenrm.backend", "llm", "pgenrm.llm.format", "staged", "pgenrm.max-resamples", "1",
                    "pgenrm.llm.max-retries", "0", "pgenrm.reward.deadline", "PT3S", "pgenrm.reward.ind", "1",
                    "pgenrm.reward.pro", "0");
        }
    }

    private static final String PROMPT = "<|im_start|>user\nWhat is DNS?<|im_end|>\n<|im_start|>assistant\n";

    private static Map<String, List<String>> body(String marker) {
        return Map.of("query", List.of(PROMPT + "Name lookup.", PROMPT + "A long explanation of DNS. " + marker,
                        PROMPT + "Name lookup.", PROMPT + "A long explanation of DNS."),
                "prompts", List.of(PROMPT, PROMPT, PROMPT, PROMPT), "labels", List.of("alice", "alice", "bob", "bob"));
    }

    @Test
    void unusableJudgeOutputIsFlaggedAsFailedWithNullRewardsNotZero() {
        given().contentType(ContentType.JSON).body(body(SimulatedOpenAiEndpoint.MALFORMED_MARKER))
                .post("/get_reward").then().statusCode(200)
                .body("rewards[0]", nullValue()).body("rewards[1]", nullValue())
                .body("scores[0]", nullValue())
                .body("extra_logs.failed", equalTo(List.of(1, 1, 0, 0)))
                .body("errors[0]", containsString("no sample could be scored (1 parse failures"))
                .body("rewards[2]", notNullValue()).body("rewards[3]", notNullValue());
    }

    @Test
    void aJudgeSlowerThanTheDeadlineGivesPerQueryErrorsAndTheRequestStillAnswersInTime() {
        long started = System.nanoTime();

        given().contentType(ContentType.JSON).body(body(SimulatedOpenAiEndpoint.SLOW_MARKER))
                .post("/get_reward").then().statusCode(200)
                .body("rewards[0]", nullValue()).body("rewards[1]", nullValue())
                .body("extra_logs.failed", equalTo(List.of(1, 1, 0, 0)))
                .body("errors[0]", containsString("deadline"))
                .body("rewards[2]", notNullValue());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }
}
