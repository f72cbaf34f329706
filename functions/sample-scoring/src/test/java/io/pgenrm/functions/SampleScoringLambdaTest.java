package io.pgenrm.functions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Invokes the Lambda handler through Quarkus' mock Lambda event server, as AWS would. */
@QuarkusTest
class SampleScoringLambdaTest {
    @Test
    void lambdaInvocationScoresEveryCandidate() {
        String event = """
                {"persona": {"userId": "u1"},
                 "rubric": {"criteria": [{"name": "Concise, to-the-point answers", "weight": 100}]},
                 "scenario": {"context": [{"role": "user", "content": "Capital of France?"}],
                              "candidates": ["Paris.", "The capital of France is Paris, a city on the Seine that \
                has been the seat of government for centuries and is known for its museums."]},
                 "source": "NEIGHBOUR", "sampleIndex": 2, "seed": 11}""";
        List<Float> totals = given().contentType("application/json").accept("application/json").body(event)
                .when().post()
                .then().statusCode(200)
                .body("status", equalTo("OK"))
                .body("source", equalTo("NEIGHBOUR"))
                .extract().path("scores.total");
        // The rubric asks for concision: the one-word answer must win, whatever the persona's own weights.
        assertThat(totals).hasSize(2);
        assertThat(totals.get(0)).isGreaterThan(totals.get(1));
    }
}
