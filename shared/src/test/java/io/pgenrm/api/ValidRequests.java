package io.pgenrm.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One valid body per input type of a function {@code pgenrm serve} exposes (and of {@code evaluate}), with every
 * optional field filled, so every bound is one step away.
 */
final class ValidRequests {
    static final String MESSAGES = "[{\"role\": \"user\", \"content\": \"How do I boil an egg?\"}]";
    static final String SCENARIO = "{\"context\": " + MESSAGES + ", \"candidates\": [\"Boil it 9 minutes.\", "
            + "\"- Boil water\\n- Add the egg\"]}";
    static final String PROFILE = "{\"demographics\": {\"age\": \"30-39\"}, \"statedPreferences\": [\"short\"], "
            + "\"feedback\": [\"too long\"]}";
    static final String HISTORY = "{\"userId\": \"u1\", \"pairs\": [{\"context\": " + MESSAGES + ", \"chosen\": "
            + "\"- a\\n- b\", \"rejected\": \"a and b\"}], \"profile\": " + PROFILE + "}";
    static final String PERSONA = "{\"userId\": \"u1\", \"historyVersion\": \"v1\", \"seed\": 3}";
    static final String NEIGHBOUR = "{\"userId\": \"u2\", \"similarity\": 0.8, \"historyVersion\": \"v2\"}";
    static final String JOB = "{\"source\": \"SELF\", \"userId\": \"u1\", \"historyVersion\": \"v1\", "
            + "\"personaSeed\": 3, \"rubricStep\": true, \"itemSeed\": 7, \"reversedOrder\": false, \"samples\": "
            + "[{\"slot\": 0, \"sampleIndex\": 0, \"seed\": 5}]}";
    static final String STEP_ERROR = "{\"Error\": \"States.Timeout\", \"Cause\": \"took too long\"}";
    static final String RUBRIC = "{\"criteria\": [{\"name\": \"Lists\", \"description\": \"uses lists\", "
            + "\"weight\": 100}]}";
    static final String SCALING = "{\"ind\": 2, \"pro\": 1, \"selfWeight\": 0.5, \"prototypeWeight\": 0.5, "
            + "\"bothOrders\": false}";
    static final String COST = "{\"calls\": 1, \"promptTokens\": 10, \"completionTokens\": 5, \"cachedCalls\": 0, "
            + "\"wallMillis\": 7, \"cutOffOutputs\": 0, \"retries\": 1, \"serverErrors\": 1, \"rateLimited\": 0, "
            + "\"timeouts\": 0, \"resamples\": 0}";
    static final String ROW = "{\"user_id\": \"u1\", \"split\": \"test\", \"context\": " + MESSAGES + ", "
            + "\"chosen\": {\"content\": \"- a\"}, \"rejected\": {\"content\": \"a\"}, \"profile\": \"likes lists\"}";
    static final String EVALUATE = "{\"requestId\": \"r1\", \"userId\": \"u1\", \"history\": " + HISTORY
            + ", \"scenario\": " + SCENARIO + ", \"scaling\": " + SCALING + "}";

    private ValidRequests() {
    }

    static Map<Class<?>, String> bodies() {
        Map<Class<?>, String> bodies = new LinkedHashMap<>();
        bodies.put(EvaluateRequest.class, EVALUATE);
        bodies.put(ResolveHistoryRequest.class, "{\"userId\": \"u1\", \"history\": " + HISTORY + "}");
        bodies.put(InduceStoredPersonaRequest.class, "{\"userId\": \"u1\", \"historyVersion\": \"v1\", "
                + "\"seed\": 0}");
        bodies.put(GenerateStoredRubricRequest.class, "{\"persona\": " + PERSONA + ", \"scenario\": " + SCENARIO
                + ", \"seed\": 1}");
        bodies.put(MatchStoredPrototypeRequest.class, "{\"userId\": \"u1\", \"persona\": " + PERSONA
                + ", \"neighbours\": 2}");
        bodies.put(PlanStoredSamplesRequest.class, "{\"request\": " + EVALUATE + ", \"historyVersion\": \"v1\", "
                + "\"neighbours\": [" + NEIGHBOUR + "]}");
        bodies.put(ScoreStoredSamplesRequest.class, "{\"evaluationId\": \"e1\", \"job\": " + JOB
                + ", \"persona\": " + PERSONA + ", \"rubric\": " + RUBRIC + ", \"scenario\": " + SCENARIO
                + ", \"spent\": " + COST + "}");
        bodies.put(RecordSampleFailureRequest.class, "{\"evaluationId\": \"e1\", \"job\": " + JOB
                + ", \"error\": " + STEP_ERROR + "}");
        bodies.put(AggregateStoredScoresRequest.class, "{\"evaluationId\": \"e1\", \"userId\": \"u1\", "
                + "\"candidateCount\": 2, \"scaling\": " + SCALING + ", \"prototypeId\": -1, \"neighbours\": ["
                + NEIGHBOUR + "], \"samples\": 2, \"selfCost\": " + COST + "}");
        bodies.put(StoredEvaluationRequest.class, "{\"evaluationId\": \"e1\"}");
        bodies.put(PrepareItemRequest.class, "{\"runId\": \"run\", \"index\": 0, \"row\": " + ROW
                + ", \"scaling\": " + SCALING + "}");
        bodies.put(RecordItemRequest.class, "{\"runId\": \"run\", \"itemId\": \"i1\", \"userId\": \"u1\", "
                + "\"expectedChoice\": 0, \"scaling\": " + SCALING + ", \"evaluationId\": \"e1\", \"error\": "
                + STEP_ERROR + "}");
        bodies.put(RegisterHistoryRowRequest.class, "{\"runId\": \"run\", \"index\": 1, \"row\": " + ROW + "}");
        bodies.put(BuildPopulationRequest.class, "{\"runId\": \"run\", \"prototypes\": 1}");
        bodies.put(PopulationBatchRequest.class, "{\"buildId\": 1, \"batch\": 0}");
        bodies.put(PopulationBuildRequest.class, "{\"buildId\": 1}");
        return bodies;
    }
}
