package io.pgenrm.functions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.pgenrm.domain.CallCost;
import io.pgenrm.domain.CandidateScore;
import io.pgenrm.domain.ChainStatus;
import io.pgenrm.domain.EvaluationChain;
import io.pgenrm.domain.EvaluationResult;
import io.pgenrm.domain.SampleSource;
import io.pgenrm.testing.EmbeddedPostgresTestResource;
import io.pgenrm.testing.StoredStateOverSql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Invokes the aggregateScores export through Quarkus' mock Lambda event server, as AWS would, on a real PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class AggregateScoresLambdaTest {
    /** Over SQL, not an injected EvaluationArchive: the native integration test extending this one cannot inject. */
    private final StoredStateOverSql database = new StoredStateOverSql();

    private static EvaluationChain chain(SampleSource source, int index, double first, double second) {
        return new EvaluationChain(source, "u1", index, 1, null, null, List.of(new CandidateScore(0, List.of(), first),
                new CandidateScore(1, List.of(), second)), ChainStatus.OK, null, "", new CallCost(1, 0, 0, 0, 0));
    }

    @Test
    void mixesTheStoredChainsWithTheirWeightsAndStoresTheWholeResult() {
        database.putChains("eval-agg", Map.of(0, chain(SampleSource.SELF, 0, 8, 4),
                1, chain(SampleSource.SELF, 1, 6, 4), 2, chain(SampleSource.NEIGHBOUR, 0, 2, 6)));
        String event = "{\"evaluationId\": \"eval-agg\", \"userId\": \"u1\", \"candidateCount\": 2, \"scaling\": "
                + "{\"ind\": 2, \"pro\": 1, \"selfWeight\": 0.5, \"prototypeWeight\": 0.5}, \"prototypeId\": 3, "
                + "\"neighbours\": [{\"userId\": \"u9\", \"similarity\": 0.9, \"historyVersion\": \"v9\"}], "
                + "\"samples\": 3, \"selfCost\": {\"calls\": 1}}";
        given().contentType("application/json").accept("application/json").body(event)
                .when().post()
                .then().statusCode(200)
                .body("rewards", hasSize(2))
                .body("rewards[0].reward", equalTo(4.5f))
                .body("rewards[1].reward", equalTo(5.0f))
                .body("choice", equalTo(1))
                .body("prototypeId", equalTo(3))
                .body("neighbours", equalTo(List.of("u9")))
                .body("chains", hasSize(0))
                .body("cost.calls", equalTo(4));

        EvaluationResult stored = database.result("eval-agg").orElseThrow();
        assertThat(stored.chains()).extracting(EvaluationChain::source)
                .containsExactly(SampleSource.SELF, SampleSource.SELF, SampleSource.NEIGHBOUR);
        assertThat(stored.cost().calls()).as("three chains and the user's own persona").isEqualTo(4);
    }

    @Test
    void aSampleWithNoStoredChainFailsTheStepInsteadOfBeingDropped() {
        database.putChains("eval-gap", Map.of(0, chain(SampleSource.SELF, 0, 8, 4)));
        String event = "{\"evaluationId\": \"eval-gap\", \"userId\": \"u1\", \"candidateCount\": 2, \"scaling\": "
                + "{\"ind\": 2, \"pro\": 0, \"selfWeight\": 0.5, \"prototypeWeight\": 0.5}, \"prototypeId\": -1, "
                + "\"neighbours\": [], \"samples\": 2}";
        given().contentType("application/json").accept("application/json").body(event)
                .when().post()
                .then().statusCode(500);
        assertThat(database.result("eval-gap")).isEmpty();
    }
}
