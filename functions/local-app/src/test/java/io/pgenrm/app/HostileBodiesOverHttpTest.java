package io.pgenrm.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pgenrm.api.RequestLimits;
import io.pgenrm.testing.EmbeddedPostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Hundreds of malformed, oversized, deeply nested, wrong-typed and hostile bodies at every function {@code pgenrm
 * serve} exposes: none may answer 5xx, and every refusal names a field.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class HostileBodiesOverHttpTest {
    private static final int BODIES_PER_FUNCTION = 30;
    private static final String SCENARIO = FunctionsOverHttpTest.SCENARIO;
    private static final String HISTORY = FunctionsOverHttpTest.HISTORY;
    private static final String SCALING = "{\"ind\": 2, \"pro\": 1, \"selfWeight\": 0.5, \"prototypeWeight\": 0.5}";
    private static final String ONE_SAMPLE = "{\"ind\": 1, \"pro\": 0, \"selfWeight\": 0.5, \"prototypeWeight\": 0.5}";
    private static final String ROW = "{\"user_id\": \"u1\", \"split\": \"%s\", \"context\": [{\"role\": \"user\", "
            + "\"content\": \"Tea?\"}], \"chosen\": {\"content\": \"- Boil\\n- Steep\"}, \"rejected\": {\"content\": "
            + "\"Boil water and steep the tea.\"}}";
    private static final String RUBRIC = "{\"criteria\": [{\"name\": \"Structured with bullet or numbered lists\", "
            + "\"weight\": 100}]}";
    private static final String STEP_ERROR = "{\"Error\": \"States.Timeout\", \"Cause\": \"took too long\"}";
    /** The evaluation whose chains and result the valid bodies of the later evaluation steps name. */
    private static final String EVALUATION = "hostile-base";

    /**
     * A valid body for every function serve exposes, so each hostile body is one step away from a real request. What
     * the bodies name is stored first through the functions themselves: the user's history (its version), the
     * persona induced from it, an evaluation's scored chain and its result, and a population build.
     */
    static Map<String, String> validBodies() {
        String history = "{\"userId\": \"u1\", \"history\": " + HISTORY + "}";
        String version = post("/resolveHistory", history).path("version");
        String persona = "{\"userId\": \"u1\", \"historyVersion\": \"" + version + "\", \"seed\": 0}";
        post("/inducePersona", persona);
        String job = "{\"source\": \"SELF\", \"userId\": \"u1\", \"historyVersion\": \"" + version + "\", "
                + "\"personaSeed\": 0, \"rubricStep\": true, \"itemSeed\": 7, \"reversedOrder\": false, "
                + "\"samples\": [{\"slot\": 0, \"sampleIndex\": 0, \"seed\": 5}]}";
        String score = "{\"evaluationId\": \"" + EVALUATION + "\", \"job\": " + job + ", \"persona\": " + persona
                + ", \"rubric\": " + RUBRIC + ", \"scenario\": " + SCENARIO + "}";
        post("/scoreSamples", score);
        String aggregate = "{\"evaluationId\": \"" + EVALUATION + "\", \"userId\": \"u1\", \"candidateCount\": 2, "
                + "\"scaling\": " + ONE_SAMPLE + ", \"prototypeId\": -1, \"neighbours\": [], \"samples\": 1}";
        post("/aggregateScores", aggregate);
        // A run without registered rows: a build of no users, so the population steps run in no time.
        String population = "{\"runId\": \"fuzz-no-rows\", \"prototypes\": 1}";
        long buildId = post("/startPopulation", population).jsonPath().getLong("buildId");
        String build = "{\"buildId\": " + buildId + "}";
        String batch = "{\"buildId\": " + buildId + ", \"batch\": 0}";
        post("/fitPrototypes", build);

        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("/evaluate", "{\"requestId\": \"r1\", \"userId\": \"u1\", \"history\": " + HISTORY
                + ", \"scenario\": " + SCENARIO + ", \"scaling\": {\"ind\": 2, \"pro\": 0, \"selfWeight\": 0.5, "
                + "\"prototypeWeight\": 0.5}}");
        bodies.put("/resolveHistory", history);
        bodies.put("/inducePersona", persona);
        bodies.put("/generateRubric", "{\"persona\": " + persona + ", \"scenario\": " + SCENARIO + ", \"seed\": 1}");
        bodies.put("/matchPrototype", "{\"userId\": \"u1\", \"persona\": " + persona + ", \"neighbours\": 2}");
        bodies.put("/planSamples", "{\"request\": {\"requestId\": \"r2\", \"userId\": \"u1\", \"scenario\": "
                + SCENARIO + ", \"scaling\": " + SCALING + "}, \"historyVersion\": \"" + version + "\", "
                + "\"neighbours\": [{\"userId\": \"u2\", \"similarity\": 0.8, \"historyVersion\": \"v2\"}]}");
        bodies.put("/scoreSamples", score);
        bodies.put("/recordSampleFailure", "{\"evaluationId\": \"hostile-failure\", \"job\": " + job
                + ", \"error\": " + STEP_ERROR + "}");
        bodies.put("/aggregateScores", aggregate);
        bodies.put("/storedEvaluation", "{\"evaluationId\": \"" + EVALUATION + "\"}");
        bodies.put("/prepareBenchmarkItem", "{\"runId\": \"fuzz\", \"index\": 0, \"row\": " + ROW.formatted("test")
                + ", \"scaling\": " + SCALING + "}");
        bodies.put("/recordBenchmarkItem", "{\"runId\": \"fuzz\", \"itemId\": \"i1\", \"userId\": \"u1\", "
                + "\"expectedChoice\": 0, \"scaling\": " + ONE_SAMPLE + ", \"evaluationId\": \"" + EVALUATION + "\"}");
        bodies.put("/registerHistoryRow", "{\"runId\": \"fuzz\", \"index\": 1, \"row\": " + ROW.formatted("train")
                + "}");
        bodies.put("/startPopulation", population);
        bodies.put("/inducePersonas", batch);
        bodies.put("/fitPrototypes", build);
        bodies.put("/assignPrototypes", batch);
        bodies.put("/publishPopulation", build);
        bodies.put("/buildPopulation", population);
        bodies.put("/migrateSchema", "");
        return bodies;
    }

    private static Response post(String path, String body) {
        Response response = given().contentType("application/json").body(body).post(path);
        assertThat(response.statusCode()).as("setting up: " + path + " answered " + response.asString())
                .isEqualTo(200);
        return response;
    }

    @Test
    void thereIsAValidBodyForEveryFunctionServeExposesAndEachInputIsBounded() {
        Set<String> paths = new HashSet<>(StrictRequestBodies.inputTypes().keySet());
        paths.addAll(StrictRequestBodies.withoutInput());

        assertThat(validBodies().keySet()).containsExactlyInAnyOrderElementsOf(paths);
        assertThat(RequestLimits.requestTypes()).containsAll(StrictRequestBodies.inputTypes().values());
    }

    @Test
    void everyValidBaseBodyIsAccepted() {
        validBodies().forEach((path, body) -> {
            Response response = given().contentType("application/json").body(body).post(path);
            assertThat(response.statusCode()).as(path + " answered " + response.asString()).isEqualTo(200);
        });
    }

    @Test
    void noHostileBodyGetsA5xxAndEveryRefusalNamesAField() {
        HostileBodies hostile = new HostileBodies(20261201L);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        Map<String, Long> millis = new LinkedHashMap<>();
        for (Map.Entry<String, String> function : validBodies().entrySet()) {
            long started = System.nanoTime();
            // A function without input (migrateSchema) is sent mutations of a body it does not expect at all.
            String base = function.getValue().isEmpty() ? "{\"note\": [1, {\"a\": \"b\"}]}" : function.getValue();
            List<HostileBodies.Body> bodies = new ArrayList<>();
            for (int i = 0; i < BODIES_PER_FUNCTION; i++) {
                bodies.add(hostile.next(base));
            }
            if (millis.size() % 4 == 0) {
                bodies.add(HostileBodies.oversized());
            }
            for (HostileBodies.Body body : bodies) {
                Response response = given().contentType(sent % 7 == 0 ? "text/plain" : "application/json")
                        .body(body.bytes()).post(function.getKey());
                sent++;
                int status = response.statusCode();
                statuses.merge(status, 1, Integer::sum);
                if (status >= 500) {
                    failures.add(function.getKey() + " <- " + body.what() + ": " + status + " "
                            + abbreviate(response.asString()));
                } else if ((status == 400 || status == 413) && response.jsonPath().getString("field") == null) {
                    failures.add(function.getKey() + " <- " + body.what() + ": " + status + " without a field: "
                            + abbreviate(response.asString()));
                }
            }
            millis.put(function.getKey(), (System.nanoTime() - started) / 1_000_000);
        }
        System.out.println("hostile bodies: " + sent + " sent, statuses " + statuses + ", ms per function " + millis);

        assertThat(sent).isGreaterThan(20 * BODIES_PER_FUNCTION);
        assertThat(failures).as("bodies answered 5xx or refused without naming a field; statuses " + statuses)
                .isEmpty();
        assertThat(statuses).as("most hostile bodies are refused").containsKeys(400, 413);
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
