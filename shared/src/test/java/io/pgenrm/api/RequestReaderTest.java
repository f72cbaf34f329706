package io.pgenrm.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pgenrm.domain.InvalidInputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RequestReaderTest {
    static final String SCENARIO = "{\"context\": [{\"role\": \"user\", \"content\": \"hi\"}], "
            + "\"candidates\": [\"a\", \"b\"]}";
    private final RequestReader reader = new RequestReader();

    private InvalidInputException refusal(Class<?> type, String body) {
        return catchThrowableOfType(InvalidInputException.class,
                () -> reader.read(body.getBytes(StandardCharsets.UTF_8), type));
    }

    @Test
    void readsAValidEvaluateRequest() {
        EvaluateRequest request = reader.read(("{\"userId\": \"u\", \"scenario\": " + SCENARIO
                + ", \"scaling\": {\"ind\": 2, \"pro\": 1, \"selfWeight\": 1, \"prototypeWeight\": 1}}")
                .getBytes(StandardCharsets.UTF_8), EvaluateRequest.class);

        assertThat(request.scaling().ind()).isEqualTo(2);
        assertThat(request.scenario().candidates()).containsExactly("a", "b");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{'userId': 'u', 'scenario': SCENARIO, 'bogus': 1}|bogus|is not a known field",
            "{'userId': 'u', 'scenario': SCENARIO, 'scaling': {'ind': 1, 'selfWeight': 1, 'bogus': 1}}|scaling.bogus|known fields: bothOrders, ind",
            "{'userId': 'u', 'scenario': {'context': [{'role': 'user', 'content': 'x', 'extra': 2}], 'candidates': ['a', 'b']}}|scenario.context[0].extra|is not a known field",
            "{'userId': 'u', 'scenario': SCENARIO, 'scaling': {'ind': 99}}|scaling.ind|between 0 and 64",
            "{'userId': 'u', 'scenario': SCENARIO, 'scaling': {'ind': 0, 'pro': 0, 'selfWeight': 1}}|scaling.ind|at least one sample",
            "{'userId': 'u', 'scenario': SCENARIO, 'scaling': {'ind': '2'}}|scaling.ind|must be an integer",
            "{'userId': 'u', 'scenario': SCENARIO, 'scaling': {'ind': 1.5}}|scaling.ind|must be an integer",
            "{'userId': 5, 'scenario': SCENARIO}|userId|must be text",
            "{'userId': 'u', 'userId': 'v', 'scenario': SCENARIO}|userId|appears twice",
            "{'userId': 'u', 'scenario': {'context': [], 'candidates': ['a', 'b']}}|scenario.context|at least one message",
            "{'userId': 'u', 'scenario': {'context': [null], 'candidates': ['a', 'b']}}|scenario.context[0]|must not be null",
            "{'userId': 'u', 'history': {'userId': 'u', 'pairs': [null]}, 'scenario': SCENARIO}|history.pairs[0]|must not be null",
            "{'userId': 'u', 'history': {'userId': 'v'}, 'scenario': SCENARIO}|history.userId|must equal userId",
            "{'userId': 'u', 'scenario': SCENARIO} trailing|body|not valid JSON",
            "[1, 2]|body|a JSON object is required",
            "null|body|a JSON object is required",
            "''|body|a JSON object is required",
            "{'userId': 'u', 'scenario': SCENARIO|body|not valid JSON"})
    void refusesAndNamesTheField(String body, String field, String problem) {
        String json = body.replace("SCENARIO", SCENARIO).replace('\'', '"').replace("\"\"", "");

        InvalidInputException refusal = refusal(EvaluateRequest.class, json);

        assertThat(refusal).as(json).isNotNull();
        assertThat(refusal.field()).isEqualTo(field);
        assertThat(refusal.getMessage()).contains(problem);
    }

    @Test
    void unknownSourceNamesTheAllowedValues() {
        InvalidInputException refusal = refusal(RecordSampleFailureRequest.class, ValidRequests.bodies()
                .get(RecordSampleFailureRequest.class).replace("\"SELF\"", "\"OTHER\""));

        assertThat(refusal.field()).isEqualTo("job.source");
        assertThat(refusal.problem()).isEqualTo("must be one of SELF, NEIGHBOUR");
    }

    @Test
    void anUnknownFieldIsNamedRatherThanTheRequiredFieldItLeavesMissing() {
        InvalidInputException refusal = refusal(InduceStoredPersonaRequest.class, "{\"history\": {\"userId\": "
                + "\"u1\", \"pairs\": [{\"context\": [{\"role\": \"user\", \"content\": \"x\", \"name\": \"n\"}], "
                + "\"chosen\": \"a\", \"rejected\": \"b\"}]}}");

        assertThat(refusal.field()).isEqualTo("history");
        assertThat(refusal.problem()).isEqualTo("is not a known field; known fields: historyVersion, seed, userId");
    }

    @Test
    void anUnknownFieldInANestedRecordIsNamedRatherThanWhatThatRecordMisses() {
        InvalidInputException refusal = refusal(GenerateStoredRubricRequest.class, "{\"persona\": {\"userId\": "
                + "\"u1\", \"version\": \"v1\"}, \"scenario\": " + SCENARIO + "}");

        assertThat(refusal.field()).isEqualTo("persona.version");
        assertThat(refusal.problem()).startsWith("is not a known field");
    }

    @Test
    void anUnknownFieldDeepInAKnownOneIsNamedByItsPath() {
        InvalidInputException refusal = refusal(ResolveHistoryRequest.class, "{\"userId\": \"u1\", \"history\": "
                + "{\"userId\": \"u1\", \"pairs\": [{\"context\": [{\"role\": \"user\", \"content\": \"x\", "
                + "\"name\": \"n\"}], \"chosen\": \"a\", \"rejected\": \"b\"}]}}");

        assertThat(refusal.field()).isEqualTo("history.pairs[0].context[0].name");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "GenerateStoredRubricRequest|`persona`: {`userId`: ` `, `historyVersion`: `v1`}, `scenario`: SCENARIO|persona.userId|must not be blank",
            "RecordSampleFailureRequest|`evaluationId`: `e1`, `job`: {`source`: `SELF`, `userId`: `u1`, `historyVersion`: `v1`, `samples`: []}, `error`: {}|job.samples|at least one sample",
            "RecordSampleFailureRequest|`evaluationId`: `e1`, `job`: {`source`: `SELF`, `userId`: `u1`, `samples`: [{}]}, `error`: {}|job.historyVersion|must not be blank",
            "PlanStoredSamplesRequest|`request`: {`userId`: `u1`, `scenario`: SCENARIO}, `historyVersion`: `v1`, `neighbours`: [{`userId`: `u2`, `similarity`: 0.5}]|neighbours[0].historyVersion|must not be blank"})
    void aNestedRecordsOwnCheckIsNamedByItsPathOnce(String type, String fields, String field, String problem)
            throws ClassNotFoundException {
        String json = ("{" + fields + "}").replace('`', '"').replace("SCENARIO", SCENARIO);

        InvalidInputException refusal = refusal(Class.forName("io.pgenrm.api." + type), json);

        assertThat(refusal).as(json).isNotNull();
        assertThat(refusal.field()).isEqualTo(field);
        assertThat(refusal.problem()).contains(problem);
    }

    @Test
    void aBenchmarkRowInARequestRefusesUnknownFieldsToo() {
        InvalidInputException refusal = refusal(PrepareItemRequest.class, "{\"runId\": \"r\", \"row\": {\"user_id\": "
                + "\"u\", \"split\": \"test\", \"chosen\": {\"content\": \"a\", \"model\": \"x\"}}}");

        assertThat(refusal.field()).isEqualTo("row.chosen.model");
    }

    @Test
    void nestingBeyondTheLimitIsRefusedWithoutAStackOverflow() {
        String deep = "{\"a\": ".repeat(100_000) + "1" + "}".repeat(100_000);
        InvalidInputException refusal = refusal(RegisterHistoryRowRequest.class, "{\"runId\": \"r\", \"row\": "
                + "{\"user_id\": \"u\", \"profile\": " + deep + "}}");

        assertThat(refusal.field()).startsWith("row.profile");
        assertThat(refusal.problem()).contains("nesting depth");
    }

    @Test
    void anOversizedTextIsRefusedWithItsPathAndBound() {
        String big = "x".repeat(RequestLimits.TEXT_CHARS + 1);
        InvalidInputException refusal = refusal(EvaluateRequest.class, "{\"userId\": \"u\", \"scenario\": "
                + "{\"context\": [{\"role\": \"user\", \"content\": \"q\"}], \"candidates\": [\"a\", \"" + big + "\"]}}");

        assertThat(refusal.field()).isEqualTo("scenario.candidates[1]");
        assertThat(refusal.problem()).contains("at most 100,000 characters");
    }
}
