package io.pgenrm.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.pgenrm.runtime.testing.EmbeddedPostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class FunctionsOverHttpTest {
    static final String SCENARIO = """
            {"context": [{"role": "user", "content": "How do I boil an egg?"}],
             "candidates": ["Boil it for 9 minutes.",
                            "- Bring water to a boil\\n- Add the egg\\n- Cook 9 minutes\\n- Cool it in ice water"]}""";
    static final String HISTORY = """
            {"userId": "u1", "pairs": [
              {"context": [{"role": "user", "content": "How do I make tea?"}],
               "chosen": "- Boil water\\n- Steep 3 minutes\\n- Remove the bag",
               "rejected": "Boil water and steep the tea for a few minutes, then take the bag out."},
              {"context": [{"role": "user", "content": "How do I plant a tree?"}],
               "chosen": "- Dig a hole\\n- Set the root ball\\n- Water well",
               "rejected": "Dig a hole twice as wide as the roots, set the tree in and water it well."}]}""";

    @Test
    void inducePersonaLearnsFromTheHistory() {
        given().contentType(ContentType.JSON).body("{\"history\": " + HISTORY + ", \"seed\": 0}")
                .post("/inducePersona").then().statusCode(200)
                .body("persona.userId", equalTo("u1"))
                .body("persona.analysis", containsString("Learned from 2 past choices"))
                // Both choices were the shorter list: the user's weights move that way from the population's.
                .body("persona.featureWeights.LISTS", greaterThan(0f))
                .body("persona.featureWeights.LENGTH", lessThan(1f))
                .body("cost.calls", equalTo(1));
    }

    @Test
    void generateRubricReturnsWeightsSummingToHundred() {
        List<Float> weights = given().contentType(ContentType.JSON)
                .body("{\"persona\": {\"userId\": \"u1\", \"featureWeights\": {\"LISTS\": 1.5, \"LENGTH\": -0.5}},"
                        + " \"scenario\": " + SCENARIO + ", \"seed\": 1}")
                .post("/generateRubric").then().statusCode(200)
                .body("rubric.criteria", hasSize(2))
                .body("rubric.criteria[0].name", equalTo("Structured with bullet or numbered lists"))
                .body("rubric.criteria[1].name", equalTo("Concise, to-the-point answers"))
                .body("rubric.criteria[0].weight", greaterThan(50f))
                .extract().path("rubric.criteria.weight");
        assertThat(weights.stream().mapToDouble(Float::doubleValue).sum()).isCloseTo(100.0, offset(0.01));
    }

    @Test
    void scoreSamplePrefersTheResponseMatchingThePersona() {
        String rubric = "{\"criteria\": [{\"name\": \"Structured with bullet or numbered lists\", \"weight\": 100}]}";
        given().contentType(ContentType.JSON)
                .body("{\"persona\": {\"userId\": \"u1\"}, \"rubric\": " + rubric + ", \"scenario\": " + SCENARIO
                        + ", \"source\": \"SELF\", \"sampleIndex\": 0, \"seed\": 5}")
                .post("/scoreSample").then().statusCode(200)
                .body("status", equalTo("OK"))
                .body("scores", hasSize(2))
                .body("scores[1].criterionScores[0]", greaterThan(5.5f))
                .body("scores[0].criterionScores[0]", lessThan(5.5f));
    }

    @Test
    void evaluateRunsTheWholeChainAndPicksTheListAnswer() {
        given().contentType(ContentType.JSON)
                .body("{\"requestId\": \"r1\", \"userId\": \"u1\", \"history\": " + HISTORY + ", \"scenario\": "
                        + SCENARIO + ", \"scaling\": {\"ind\": 3, \"pro\": 0, \"selfWeight\": 0.5, "
                        + "\"prototypeWeight\": 0.5}}")
                .post("/evaluate").then().statusCode(200)
                .body("choice", equalTo(1))
                .body("tie", equalTo(false))
                .body("chains", hasSize(3))
                .body("chains[0].persona.userId", equalTo("u1"))
                .body("chains[0].rubric.criteria", notNullValue());
    }

    @Test
    void aggregateWithOnlyFailedSamplesReportsNoChoice() {
        given().contentType(ContentType.JSON)
                .body("{\"userId\": \"u1\", \"candidateCount\": 2, \"scaling\": {\"ind\": 1, \"pro\": 0, "
                        + "\"selfWeight\": 0.5, \"prototypeWeight\": 0.5}, \"chains\": [{\"source\": \"SELF\", "
                        + "\"sampleIndex\": 0, \"seed\": 3, \"status\": \"CALL_FAILURE\", \"error\": \"timeout\", "
                        + "\"scores\": []}], \"prototypeId\": -1, \"neighbours\": []}")
                .post("/aggregateScores").then().statusCode(200)
                .body("choice", nullValue())
                .body("callFailures", equalTo(1))
                .body("rewards", hasSize(0));
    }

    @Test
    void planSamplesExpandsIndN() {
        given().contentType(ContentType.JSON)
                .body("{\"request\": {\"requestId\": \"r2\", \"userId\": \"u1\", \"scenario\": " + SCENARIO
                        + ", \"scaling\": {\"ind\": 4, \"pro\": 2, \"selfWeight\": 0.5, \"prototypeWeight\": 0.5}}}")
                .post("/planSamples").then().statusCode(200)
                .body("tasks", hasSize(4))
                .body("tasks[0].personaSeed", equalTo(0))
                .body("tasks[1].personaSeed", org.hamcrest.Matchers.not(equalTo(0)));
    }

    @Test
    void missingFieldIsA400NamingIt() {
        given().contentType(ContentType.JSON).body("{\"persona\": {\"userId\": \"u1\"}}")
                .post("/generateRubric").then().statusCode(400)
                .body("field", equalTo("scenario"));
    }

    @Test
    void tooFewCandidatesIsA400NamingTheNestedField() {
        given().contentType(ContentType.JSON)
                .body("{\"persona\": {\"userId\": \"u\"}, \"scenario\": {\"context\": [{\"role\": \"user\", "
                        + "\"content\": \"x\"}], \"candidates\": [\"only one\"]}}")
                .post("/scoreSample").then().statusCode(400)
                .body("field", equalTo("scenario.candidates"))
                .body("error", containsString("between 2 and 16"));
    }

    @Test
    void wrongTypeAndMalformedJsonAre400s() {
        given().contentType(ContentType.JSON).body("{\"history\": " + HISTORY + ", \"seed\": \"abc\"}")
                .post("/inducePersona").then().statusCode(400).body("field", equalTo("seed"));
        given().contentType(ContentType.JSON).body("not json").post("/inducePersona").then().statusCode(400)
                .body("field", equalTo("body"));
    }

    @Test
    void invalidBenchmarkRowIsA400NamingTheField() {
        given().contentType(ContentType.JSON)
                .body("{\"runId\": \"r\", \"row\": {\"user_id\": \"u\", \"split\": \"weird\", \"context\": "
                        + "[{\"role\": \"user\", \"content\": \"x\"}], \"chosen\": {\"content\": \"a\"}, "
                        + "\"rejected\": {\"content\": \"b\"}}}")
                .post("/prepareBenchmarkItem").then().statusCode(400)
                .body("field", equalTo("row.split"));
    }

    @Test
    void anUnknownFieldAnywhereIsA400NamingItsPath() {
        given().contentType(ContentType.JSON)
                .body("{\"userId\": \"u1\", \"scenario\": " + SCENARIO + ", \"bogus\": 1}")
                .post("/evaluate").then().statusCode(400)
                .body("field", equalTo("bogus"))
                .body("error", containsString("is not a known field"));
        given().contentType(ContentType.JSON)
                .body("{\"history\": {\"userId\": \"u1\", \"pairs\": [{\"context\": [{\"role\": \"user\", "
                        + "\"content\": \"x\", \"name\": \"n\"}], \"chosen\": \"a\", \"rejected\": \"b\"}]}}")
                .post("/inducePersona").then().statusCode(400)
                .body("field", equalTo("history.pairs[0].context[0].name"));
    }

    @Test
    void aScalingErrorNamesTheFieldOnce() {
        given().contentType(ContentType.JSON)
                .body("{\"userId\": \"u1\", \"scenario\": " + SCENARIO + ", \"scaling\": {\"ind\": 65}}")
                .post("/evaluate").then().statusCode(400)
                .body("field", equalTo("scaling.ind"))
                .body("error", equalTo("scaling.ind: must be between 0 and 64"));
    }

    @Test
    void aTextOverItsBoundIsA400NamingIt() {
        String longId = "u".repeat(257);
        given().contentType(ContentType.JSON)
                .body("{\"userId\": \"" + longId + "\", \"scenario\": " + SCENARIO + "}")
                .post("/evaluate").then().statusCode(400)
                .body("field", equalTo("userId"))
                .body("error", containsString("at most 256 characters"));
    }

    @Test
    void aBodyOverTheSizeLimitIsA413NamingTheBody() {
        String huge = "x".repeat(5 * 1024 * 1024);
        given().contentType(ContentType.JSON)
                .body("{\"userId\": \"u1\", \"scenario\": " + SCENARIO + ", \"requestId\": \"" + huge + "\"}")
                .post("/evaluate").then().statusCode(413)
                .body("field", equalTo("body"))
                .body("error", containsString("4194304-byte limit"));
    }
}
