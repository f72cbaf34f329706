package io.pgenrm.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pgenrm.testing.EmbeddedPostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private static final String ROW = "{\"user_id\": \"u1\", \"split\": \"%s\", \"context\": [{\"role\": \"user\", "
            + "\"content\": \"Tea?\"}], \"chosen\": {\"content\": \"- Boil\\n- Steep\"}, \"rejected\": {\"content\": "
            + "\"Boil water and steep the tea.\"}}";
    private static final String CHAIN = "{\"source\": \"SELF\", \"personaUserId\": \"u1\", \"sampleIndex\": 0, "
            + "\"seed\": 3, \"status\": \"OK\", \"scores\": [{\"candidate\": 0, \"criterionScores\": [4], \"total\": 4},"
            + " {\"candidate\": 1, \"criterionScores\": [7], \"total\": 7}], \"cost\": {\"calls\": 1, "
            + "\"promptTokens\": 0, \"completionTokens\": 0, \"cachedCalls\": 0, \"wallMillis\": 5, "
            + "\"cutOffOutputs\": 0}}";

    /** A valid body for every function serve exposes, so each hostile body is one step away from a real request. */
    static Map<String, String> validBodies() {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("/inducePersona", "{\"history\": " + HISTORY + ", \"seed\": 0}");
        bodies.put("/generateRubric", "{\"persona\": {\"userId\": \"u1\", \"featureWeights\": {\"LISTS\": 1.5}}, "
                + "\"scenario\": " + SCENARIO + ", \"seed\": 1}");
        bodies.put("/scoreSample", "{\"persona\": {\"userId\": \"u1\", \"analysis\": \"likes lists\"}, \"rubric\": "
                + "{\"criteria\": [{\"name\": \"Structured with bullet or numbered lists\", \"weight\": 100}]}, "
                + "\"scenario\": " + SCENARIO + ", \"source\": \"SELF\", \"sampleIndex\": 0, \"seed\": 5, "
                + "\"itemSeed\": 3, \"reversedOrder\": false}");
        bodies.put("/matchPrototype", "{\"userId\": \"u1\", \"persona\": {\"userId\": \"u1\", \"embedding\": [0.1, "
                + "0.2]}, \"neighbours\": 2}");
        bodies.put("/planSamples", "{\"request\": {\"requestId\": \"r2\", \"userId\": \"u1\", \"scenario\": "
                + SCENARIO + ", \"scaling\": " + SCALING + "}, \"match\": {\"prototypeId\": 0, \"similarity\": 0.9, "
                + "\"neighbours\": [{\"userId\": \"u2\", \"similarity\": 0.8, \"history\": {\"userId\": \"u2\", "
                + "\"pairs\": []}}]}}");
        bodies.put("/aggregateScores", "{\"userId\": \"u1\", \"candidateCount\": 2, \"scaling\": " + SCALING
                + ", \"chains\": [" + CHAIN + "], \"prototypeId\": -1, \"neighbours\": [\"u2\"]}");
        bodies.put("/prepareBenchmarkItem", "{\"runId\": \"fuzz\", \"index\": 0, \"row\": " + ROW.formatted("test")
                + ", \"scaling\": " + SCALING + "}");
        bodies.put("/recordBenchmarkItem", "{\"runId\": \"fuzz\", \"itemId\": \"i1\", \"userId\": \"u1\", "
                + "\"expectedChoice\": 0, \"scaling\": " + SCALING + ", \"result\": {\"userId\": \"u1\", \"rewards\": "
                + "[{\"candidate\": 0, \"reward\": 7, \"selfMean\": 7}, {\"candidate\": 1, \"reward\": 4, "
                + "\"selfMean\": 4}], \"choice\": 0, \"tie\": false, \"prototypeId\": -1, \"neighbours\": [], "
                + "\"chains\": [" + CHAIN + "], \"parseFailures\": 0, \"callFailures\": 0}}");
        bodies.put("/registerHistoryRow", "{\"runId\": \"fuzz\", \"index\": 1, \"row\": " + ROW.formatted("train")
                + "}");
        bodies.put("/buildPopulation", "{\"runId\": \"fuzz-no-rows\", \"prototypes\": 1}");
        bodies.put("/evaluate", "{\"requestId\": \"r1\", \"userId\": \"u1\", \"history\": " + HISTORY
                + ", \"scenario\": " + SCENARIO + ", \"scaling\": {\"ind\": 2, \"pro\": 0, \"selfWeight\": 0.5, "
                + "\"prototypeWeight\": 0.5}}");
        bodies.put("/migrateSchema", "");
        return bodies;
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

        assertThat(sent).isGreaterThan(12 * BODIES_PER_FUNCTION);
        assertThat(failures).as("bodies answered 5xx or refused without naming a field; statuses " + statuses)
                .isEmpty();
        assertThat(statuses).as("most hostile bodies are refused").containsKeys(400, 413);
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
