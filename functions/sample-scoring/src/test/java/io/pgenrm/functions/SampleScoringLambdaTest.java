package io.pgenrm.functions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.pgenrm.domain.ChainStatus;
import io.pgenrm.domain.EvaluationChain;
import io.pgenrm.domain.Persona;
import io.pgenrm.domain.SampleSource;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.testing.EmbeddedPostgresTestResource;
import io.pgenrm.testing.StoredStateOverSql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Invokes the Lambda handler through Quarkus' mock Lambda event server, as AWS would, on a real PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class SampleScoringLambdaTest {
    /** Over SQL, not an injected EvaluationArchive: the native integration test extending this one cannot inject. */
    private final StoredStateOverSql database = new StoredStateOverSql();

    @Test
    void storesTheScoredChainUnderItsEvaluationAndSlot() {
        UserHistory history = UserHistory.empty("u1");
        database.putHistory(history);
        database.putPersona(new Persona("u1", history.version(), 0, "", List.of(), Map.of()));
        String event = """
                {"evaluationId": "eval-1",
                 "job": {"source": "NEIGHBOUR", "userId": "u1", "historyVersion": "%s", "personaSeed": 0,
                         "rubricStep": true, "itemSeed": 5, "reversedOrder": false,
                         "samples": [{"slot": 3, "sampleIndex": 2, "seed": 11}]},
                 "persona": {"userId": "u1", "historyVersion": "%s", "seed": 0},
                 "rubric": {"criteria": [{"name": "Concise, to-the-point answers", "weight": 100}]},
                 "scenario": {"context": [{"role": "user", "content": "Capital of France?"}],
                              "candidates": ["Paris.", "The capital of France is Paris, a city on the Seine that \
                has been the seat of government for centuries and is known for its museums."]},
                 "spent": {"calls": 2}}""".formatted(history.version(), history.version());
        given().contentType("application/json").accept("application/json").body(event)
                .when().post()
                .then().statusCode(200)
                .body("slots", equalTo(List.of(3)))
                .body("scored", equalTo(1))
                .body("cost.calls", equalTo(3));

        Map<Integer, EvaluationChain> chains = database.chains("eval-1");
        assertThat(chains).containsOnlyKeys(3);
        EvaluationChain chain = chains.get(3);
        assertThat(chain.status()).isEqualTo(ChainStatus.OK);
        assertThat(chain.source()).isEqualTo(SampleSource.NEIGHBOUR);
        assertThat(chain.sampleIndex()).isEqualTo(2);
        assertThat(chain.cost().calls()).as("the scoring call and the persona and rubric calls spent before it")
                .isEqualTo(3);
        // The rubric asks for concision: the one-word answer must win, whatever the persona's own weights.
        assertThat(chain.total(0)).isGreaterThan(chain.total(1));
    }
}
