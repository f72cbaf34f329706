package io.pgenrm.bench;

import io.pgenrm.api.EvaluateRequest;
import io.pgenrm.domain.Message;
import io.pgenrm.domain.ScalingPlan;
import io.pgenrm.domain.Scenario;
import java.util.List;

/**
 * A test row to evaluate. The chosen response is placed at a position derived from the item id, so the judge
 * cannot learn "first is best" and a rerun places it identically.
 */
public record BenchmarkItem(String itemId, String userId, int line, List<Message> context, String chosen,
        String rejected) {

    public int expectedChoice() {
        return Math.floorMod(itemId.hashCode(), 2);
    }

    public EvaluateRequest toRequest(ScalingPlan scaling) {
        List<String> candidates = expectedChoice() == 0 ? List.of(chosen, rejected) : List.of(rejected, chosen);
        return new EvaluateRequest(itemId, userId, null, new Scenario(context, candidates), scaling);
    }
}
