package io.pgenrm.functions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.pgenrm.runtime.testing.EmbeddedPostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Invokes the aggregateScores export through Quarkus' mock Lambda event server, as AWS would. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class AggregateScoresLambdaTest {
    private static String chain(String source, int index, double first, double second) {
        return "{\"source\": \"" + source + "\", \"sampleIndex\": " + index + ", \"seed\": 1, \"status\": \"OK\", "
                + "\"scores\": [{\"candidate\": 0, \"total\": " + first + "}, {\"candidate\": 1, \"total\": " + second
                + "}]}";
    }

    @Test
    void mixesSelfAndNeighbourMeansWithTheirWeights() {
        String event = "{\"userId\": \"u1\", \"candidateCount\": 2, \"scaling\": {\"ind\": 2, \"pro\": 1, "
                + "\"selfWeight\": 0.5, \"prototypeWeight\": 0.5}, \"chains\": [" + chain("SELF", 0, 8, 4) + ", "
                + chain("SELF", 1, 6, 4) + ", " + chain("NEIGHBOUR", 0, 2, 6) + "], \"prototypeId\": 3, "
                + "\"neighbours\": [\"u9\"]}";
        given().contentType("application/json").accept("application/json").body(event)
                .when().post()
                .then().statusCode(200)
                .body("rewards", hasSize(2))
                .body("rewards[0].reward", equalTo(4.5f))
                .body("rewards[1].reward", equalTo(5.0f))
                .body("choice", equalTo(1))
                .body("prototypeId", equalTo(3));
    }
}
