package io.pgenrm.functions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import io.quarkus.test.junit.QuarkusTest;
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
        given().contentType("application/json").accept("application/json").body(event)
                .when().post()
                .then().statusCode(200)
                .body("status", equalTo("OK"))
                .body("source", equalTo("NEIGHBOUR"))
                .body("scores[0].total", greaterThan(7.0f));
    }
}
