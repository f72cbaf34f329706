package io.pgenrm.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.pgenrm.api.PersonaRef;
import io.pgenrm.domain.ChainStatus;
import io.pgenrm.domain.EvaluationChain;
import io.pgenrm.domain.Persona;
import io.pgenrm.testing.EmbeddedPostgresTestResource;
import io.pgenrm.workflow.EvaluationArchive;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
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

    @Inject
    EvaluationArchive archive;

    /** POST /resolveHistory stores the history; the steps after it name it by user and version. */
    private static String storeHistory() {
        return given().contentType(ContentType.JSON).body("{\"userId\": \"u1\", \"history\": " + HISTORY + "}")
                .post("/resolveHistory").then().statusCode(200)
                .body("userId", equalTo("u1"))
                .body("pairs", equalTo(2))
                .extract().path("version");
    }

    private static String personaRef(String version) {
        return "{\"userId\": \"u1\", \"historyVersion\": \"" + version + "\", \"seed\": 0}";
    }

    @Test
    void inducePersonaLearnsFromTheStoredHistoryAndStoresThePersona() {
        String version = storeHistory();
        given().contentType(ContentType.JSON).body("{\"userId\": \"u1\", \"historyVersion\": \"" + version
                        + "\", \"seed\": 0}")
                .post("/inducePersona").then().statusCode(200)
                .body("persona.userId", equalTo("u1"))
                .body("persona.historyVersion", equalTo(version))
                .body("cost.calls", equalTo(1));
        Persona persona = archive.persona(new PersonaRef("u1", version, 0)).orElseThrow();
        assertThat(persona.analysis()).contains("Learned from 2 past choices");
        // Both choices were the shorter list: the user's weights move that way from the population's.
        assertThat(persona.featureWeights().get("LISTS")).isGreaterThan(0);
        assertThat(persona.featureWeights().get("LENGTH")).isLessThan(1);
    }

    @Test
    void generateRubricReturnsWeightsSummingToHundred() {
        archive.putPersona(new Persona("u1", "rubric-test", 0, "", List.of(), Map.of("LISTS", 1.5, "LENGTH", -0.5)));
        List<Float> weights = given().contentType(ContentType.JSON)
                .body("{\"persona\": {\"userId\": \"u1\", \"historyVersion\": \"rubric-test\", \"seed\": 0},"
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
    void scoreSamplesStoresAChainPreferringTheResponseTheRubricAsksFor() {
        String version = storeHistory();
        archive.putPersona(new Persona("u1", version, 0, "", List.of(), Map.of()));
        String rubric = "{\"criteria\": [{\"name\": \"Structured with bullet or numbered lists\", \"weight\": 100}]}";
        String job = "{\"source\": \"SELF\", \"userId\": \"u1\", \"historyVersion\": \"" + version + "\", "
                + "\"personaSeed\": 0, \"rubricStep\": true, \"itemSeed\": 7, \"reversedOrder\": false, "
                + "\"samples\": [{\"slot\": 0, \"sampleIndex\": 0, \"seed\": 5}]}";
        given().contentType(ContentType.JSON)
                .body("{\"evaluationId\": \"score-test\", \"job\": " + job + ", \"persona\": " + personaRef(version)
                        + ", \"rubric\": " + rubric + ", \"scenario\": " + SCENARIO + "}")
                .post("/scoreSamples").then().statusCode(200)
                .body("slots", equalTo(List.of(0)))
                .body("scored", equalTo(1));
        EvaluationChain chain = archive.chains("score-test").get(0);
        assertThat(chain.status()).isEqualTo(ChainStatus.OK);
        assertThat(chain.scores()).hasSize(2);
        assertThat(chain.scores().get(1).criterionScores().get(0)).isGreaterThan(5.5);
        assertThat(chain.scores().get(0).criterionScores().get(0)).isLessThan(5.5);
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
    void aggregateWithOnlyFailedSamplesReportsNoChoiceAndKeepsTheFailure() {
        String job = "{\"source\": \"SELF\", \"userId\": \"u1\", \"historyVersion\": \"v\", \"personaSeed\": 0, "
                + "\"rubricStep\": true, \"itemSeed\": 7, \"reversedOrder\": false, "
                + "\"samples\": [{\"slot\": 0, \"sampleIndex\": 0, \"seed\": 3}]}";
        given().contentType(ContentType.JSON)
                .body("{\"evaluationId\": \"failed-test\", \"job\": " + job + ", \"error\": {\"Error\": "
                        + "\"States.Timeout\", \"Cause\": \"timeout\"}}")
                .post("/recordSampleFailure").then().statusCode(200)
                .body("slots", equalTo(List.of(0)))
                .body("scored", equalTo(0));
        given().contentType(ContentType.JSON)
                .body("{\"evaluationId\": \"failed-test\", \"userId\": \"u1\", \"candidateCount\": 2, \"scaling\": "
                        + "{\"ind\": 1, \"pro\": 0, \"selfWeight\": 0.5, \"prototypeWeight\": 0.5}, "
                        + "\"prototypeId\": -1, \"neighbours\": [], \"samples\": 1}")
                .post("/aggregateScores").then().statusCode(200)
                .body("choice", nullValue())
                .body("callFailures", equalTo(1))
                .body("rewards", hasSize(0))
                .body("chains", hasSize(0));
        given().contentType(ContentType.JSON).body("{\"evaluationId\": \"failed-test\"}")
                .post("/storedEvaluation").then().statusCode(200)
                .body("callFailures", equalTo(1))
                .body("chains", hasSize(1))
                .body("chains[0].status", equalTo("CALL_FAILURE"))
                .body("chains[0].error", equalTo("timeout"));
    }

    @Test
    void planSamplesExpandsIndNIntoJobs() {
        given().contentType(ContentType.JSON)
                .body("{\"request\": {\"requestId\": \"r2\", \"userId\": \"u1\", \"scenario\": " + SCENARIO
                        + ", \"scaling\": {\"ind\": 4, \"pro\": 2, \"selfWeight\": 0.5, \"prototypeWeight\": 0.5}}, "
                        + "\"historyVersion\": \"v\", \"neighbours\": []}")
                .post("/planSamples").then().statusCode(200)
                .body("samples", equalTo(4))
                // The local judge resamples each persona by seed, so no two samples share a prompt.
                .body("jobs", hasSize(4))
                .body("jobs[0].historyVersion", equalTo("v"))
                .body("jobs[0].personaSeed", equalTo(0))
                .body("jobs[1].personaSeed", org.hamcrest.Matchers.not(equalTo(0)))
                .body("jobs[3].samples[0].slot", equalTo(3));
    }

    @Test
    void missingFieldIsA400NamingIt() {
        given().contentType(ContentType.JSON).body("{\"persona\": " + personaRef("v") + "}")
                .post("/generateRubric").then().statusCode(400)
                .body("field", equalTo("scenario"));
    }

    @Test
    void tooFewCandidatesIsA400NamingTheNestedField() {
        given().contentType(ContentType.JSON)
                .body("{\"persona\": " + personaRef("v") + ", \"scenario\": {\"context\": [{\"role\": \"user\", "
                        + "\"content\": \"x\"}], \"candidates\": [\"only one\"]}}")
                .post("/generateRubric").then().statusCode(400)
                .body("field", equalTo("scenario.candidates"))
                .body("error", containsString("between 2 and 16"));
    }

    @Test
    void wrongTypeMalformedJsonAndAnUnknownHistoryAre400s() {
        given().contentType(ContentType.JSON).body("{\"userId\": \"u1\", \"historyVersion\": \"v\", \"seed\": \"abc\"}")
                .post("/inducePersona").then().statusCode(400).body("field", equalTo("seed"));
        given().contentType(ContentType.JSON).body("not json").post("/inducePersona").then().statusCode(400)
                .body("field", equalTo("body"));
        given().contentType(ContentType.JSON).body("{\"userId\": \"u1\", \"historyVersion\": \"unknown\", \"seed\": 0}")
                .post("/inducePersona").then().statusCode(400).body("field", equalTo("historyVersion"));
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
                .body("{\"userId\": \"u1\", \"history\": {\"userId\": \"u1\", \"pairs\": [{\"context\": [{\"role\": "
                        + "\"user\", \"content\": \"x\", \"name\": \"n\"}], \"chosen\": \"a\", \"rejected\": \"b\"}]}}")
                .post("/resolveHistory").then().statusCode(400)
                .body("field", equalTo("history.pairs[0].context[0].name"))
                .body("error", containsString("is not a known field; known fields: content, role"));
    }

    @Test
    void anUnknownFieldIsNamedRatherThanTheRequiredFieldItLeavesMissing() {
        // inducePersona names a stored history; an inline history (as evaluate takes) is the unknown field.
        given().contentType(ContentType.JSON).body("{\"history\": " + HISTORY + ", \"seed\": 0}")
                .post("/inducePersona").then().statusCode(400)
                .body("field", equalTo("history"))
                .body("error", equalTo("history: is not a known field; known fields: historyVersion, seed, userId"));
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
