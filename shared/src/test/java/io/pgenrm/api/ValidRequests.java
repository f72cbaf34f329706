package io.pgenrm.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** One valid body per function input type, with every optional field filled, so every bound is one step away. */
final class ValidRequests {
    static final String MESSAGES = "[{\"role\": \"user\", \"content\": \"How do I boil an egg?\"}]";
    static final String SCENARIO = "{\"context\": " + MESSAGES + ", \"candidates\": [\"Boil it 9 minutes.\", "
            + "\"- Boil water\\n- Add the egg\"]}";
    static final String PROFILE = "{\"demographics\": {\"age\": \"30-39\"}, \"statedPreferences\": [\"short\"], "
            + "\"feedback\": [\"too long\"]}";
    static final String HISTORY = "{\"userId\": \"u1\", \"pairs\": [{\"context\": " + MESSAGES + ", \"chosen\": "
            + "\"- a\\n- b\", \"rejected\": \"a and b\"}], \"profile\": " + PROFILE + "}";
    static final String PERSONA = "{\"userId\": \"u1\", \"historyVersion\": \"v1\", \"seed\": 3, \"analysis\": "
            + "\"likes lists\", \"traits\": [{\"dimension\": \"STYLE\", \"statement\": \"prefers lists\", "
            + "\"strength\": 0.7, \"evidence\": [\"chose the list\"]}], \"featureWeights\": {\"LISTS\": 1.5}, "
            + "\"embedding\": [0.1, -0.2]}";
    static final String RUBRIC = "{\"criteria\": [{\"name\": \"Lists\", \"description\": \"uses lists\", "
            + "\"weight\": 100}]}";
    static final String SCALING = "{\"ind\": 2, \"pro\": 1, \"selfWeight\": 0.5, \"prototypeWeight\": 0.5, "
            + "\"bothOrders\": false}";
    static final String COST = "{\"calls\": 1, \"promptTokens\": 10, \"completionTokens\": 5, \"cachedCalls\": 0, "
            + "\"wallMillis\": 7, \"cutOffOutputs\": 0, \"retries\": 1, \"serverErrors\": 1, \"rateLimited\": 0, "
            + "\"timeouts\": 0, \"resamples\": 0}";
    static final String CHAIN = "{\"source\": \"SELF\", \"personaUserId\": \"u1\", \"sampleIndex\": 0, \"seed\": 3, "
            + "\"persona\": " + PERSONA + ", \"rubric\": " + RUBRIC + ", \"scores\": [{\"candidate\": 0, "
            + "\"criterionScores\": [4], \"total\": 4}, {\"candidate\": 1, \"criterionScores\": [7], \"total\": 7}], "
            + "\"status\": \"OK\", \"error\": \"none\", \"rawOutput\": \"<JSON_START>{}\", \"cost\": " + COST + "}";
    static final String ROW = "{\"user_id\": \"u1\", \"split\": \"test\", \"context\": " + MESSAGES + ", "
            + "\"chosen\": {\"content\": \"- a\"}, \"rejected\": {\"content\": \"a\"}, \"profile\": \"likes lists\"}";
    static final String EVALUATE = "{\"requestId\": \"r1\", \"userId\": \"u1\", \"history\": " + HISTORY
            + ", \"scenario\": " + SCENARIO + ", \"scaling\": " + SCALING + "}";

    private ValidRequests() {
    }

    static Map<Class<?>, String> bodies() {
        Map<Class<?>, String> bodies = new LinkedHashMap<>();
        bodies.put(InducePersonaRequest.class, "{\"history\": " + HISTORY + ", \"seed\": 0}");
        bodies.put(GenerateRubricRequest.class, "{\"persona\": " + PERSONA + ", \"scenario\": " + SCENARIO
                + ", \"seed\": 1}");
        bodies.put(ScoreSampleRequest.class, "{\"persona\": " + PERSONA + ", \"history\": " + HISTORY
                + ", \"rubric\": " + RUBRIC + ", \"scenario\": " + SCENARIO + ", \"source\": \"SELF\", "
                + "\"sampleIndex\": 0, \"seed\": 5, \"itemSeed\": 3, \"reversedOrder\": false}");
        bodies.put(MatchPrototypeRequest.class, "{\"userId\": \"u1\", \"persona\": " + PERSONA
                + ", \"neighbours\": 2}");
        bodies.put(PlanSamplesRequest.class, "{\"request\": " + EVALUATE + ", \"match\": {\"prototypeId\": 0, "
                + "\"similarity\": 0.9, \"neighbours\": [{\"userId\": \"u2\", \"similarity\": 0.8, \"history\": "
                + HISTORY.replace("u1", "u2") + "}]}}");
        bodies.put(AggregateScoresRequest.class, "{\"userId\": \"u1\", \"candidateCount\": 2, \"scaling\": "
                + SCALING + ", \"chains\": [" + CHAIN + "], \"prototypeId\": -1, \"neighbours\": [\"u2\"]}");
        bodies.put(PrepareItemRequest.class, "{\"runId\": \"run\", \"index\": 0, \"row\": " + ROW
                + ", \"scaling\": " + SCALING + "}");
        bodies.put(RecordItemRequest.class, "{\"runId\": \"run\", \"itemId\": \"i1\", \"userId\": \"u1\", "
                + "\"expectedChoice\": 0, \"scaling\": " + SCALING + ", \"evaluationId\": \"e1\", \"error\": {\"Error\": "
                + "\"States.Timeout\", \"Cause\": \"took too long\"}}");
        bodies.put(RegisterHistoryRowRequest.class, "{\"runId\": \"run\", \"index\": 1, \"row\": " + ROW + "}");
        bodies.put(BuildPopulationRequest.class, "{\"runId\": \"run\", \"prototypes\": 1}");
        bodies.put(EvaluateRequest.class, EVALUATE);
        return bodies;
    }
}
