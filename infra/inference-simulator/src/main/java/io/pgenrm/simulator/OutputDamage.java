package io.pgenrm.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The ways a simulated generation goes wrong while still arriving as a 200: each turns one of the judge's valid
 * answers into one pgenrm's parser must reject, the way real models fail (cut off, no JSON, wrong keys, a verdict
 * about responses that were not shown).
 */
enum OutputDamage {
    NONE, TRUNCATED_JSON, PROSE_ONLY, WRONG_KEYS, WRONG_RESPONSES;

    static final List<OutputDamage> KINDS = List.of(TRUNCATED_JSON, PROSE_ONLY, WRONG_KEYS, WRONG_RESPONSES);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String START = "<JSON_START>";
    private static final String END = "<JSON_END>";
    // The key each answer shape cannot do without, with a name no lenient parser would take for it.
    private static final List<String[]> REQUIRED_KEYS = List.of(new String[] {"traits", "characteristics"},
            new String[] {"better_response", "preferred_answer"}, new String[] {"scores", "ratings"},
            new String[] {"criteria", "rules"});

    /**
     * {@code valid} as this damage leaves it; {@code valid} must be one of {@link SimulatedJudge}'s or
     * {@link OfficialStyleJudge}'s answers.
     */
    String apply(String valid) {
        int start = valid.lastIndexOf(START);
        int end = valid.lastIndexOf(END);
        if (this == NONE || start < 0 || end < start) {
            return valid;
        }
        String prose = valid.substring(0, start).strip();
        String json = valid.substring(start + START.length(), end);
        String[] key = REQUIRED_KEYS.stream().filter(k -> json.contains("\"" + k[0] + "\"")).findFirst()
                .orElse(REQUIRED_KEYS.get(0));
        return switch (this) {
            case NONE -> valid;
            case TRUNCATED_JSON -> {
                // Cut inside the required value, so it never closes and a lenient reader has to drop it.
                int keyAt = json.indexOf("\"" + key[0] + "\"");
                yield valid.substring(0, start + START.length() + keyAt + (json.length() - keyAt) / 2);
            }
            case PROSE_ONLY -> prose.isEmpty() ? "I could not reach a verdict on these responses." : prose;
            case WRONG_KEYS -> valid.substring(0, start) + START
                    + json.replace("\"" + key[0] + "\"", "\"" + key[1] + "\"") + END;
            case WRONG_RESPONSES -> valid.substring(0, start) + START + wrongResponses(json, key[0]) + END;
        };
    }

    /**
     * For verdicts over responses: the last shown response left out and one that was never shown scored instead.
     * For personas and rubrics, which name no responses: an empty list where the content should be (and no
     * analysis, which a persona could otherwise stand on alone).
     */
    private static String wrongResponses(String json, String key) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(json);
            if (root.get(key) instanceof ObjectNode byResponse && byResponse.size() > 0) {
                int shown = byResponse.size();
                String last = SimulatedJudge.responseKey(shown - 1);
                byResponse.set(SimulatedJudge.responseKey(shown), byResponse.get(last));
                byResponse.remove(last);
            } else {
                root.putArray(key);
                root.remove("analysis");
            }
            return root.toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the judge wrote invalid JSON: " + json, e);
        }
    }
}
