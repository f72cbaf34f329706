package io.pgenrm.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One PersonalRewardBench JSONL row: a single-turn conversation and the user's chosen and rejected answers.
 * {@code split} is "train" (part of the user's history) or "test" (an item to evaluate).
 */
public record BenchmarkLine(String userId, String split, String prompt, String chosen, String rejected) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public String toJson() {
        ObjectNode row = JSON.createObjectNode();
        row.put("user_id", userId);
        row.put("split", split);
        row.putArray("context").addObject().put("role", "user").put("content", prompt);
        row.putObject("chosen").put("content", chosen);
        row.putObject("rejected").put("content", rejected);
        return row.toString();
    }
}
