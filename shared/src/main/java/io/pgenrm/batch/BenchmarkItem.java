package io.pgenrm.batch;

import io.pgenrm.api.EvaluateRequest;
import io.pgenrm.domain.Message;
import io.pgenrm.domain.ScalingPlan;
import io.pgenrm.domain.Scenario;
import java.util.List;

/**
 * A test row to evaluate. The chosen response is placed at a position derived from the item id, so the judge
 * cannot learn "first is best" and a rerun places it identically. Repeated runs of the same item keep that
 * position and differ only in the request id, from which the sample seeds derive.
 */
public record BenchmarkItem(String itemId, String userId, int line, List<Message> context, String chosen,
        String rejected) {

    public int expectedChoice() {
        return Math.floorMod(itemId.hashCode(), 2);
    }

    public EvaluateRequest toRequest(ScalingPlan scaling) {
        return toRequest(scaling, 0);
    }

    /** The request of repeat {@code repeat}: repeat 0 uses the item id, so runs made before repeats still resume. */
    public EvaluateRequest toRequest(ScalingPlan scaling, int repeat) {
        List<String> candidates = expectedChoice() == 0 ? List.of(chosen, rejected) : List.of(rejected, chosen);
        return new EvaluateRequest(requestId(repeat), userId, null, new Scenario(context, candidates), scaling);
    }

    /** What the user asked: the last user turn of the context. */
    public String prompt() {
        return new Scenario(context, List.of(chosen, rejected)).prompt();
    }

    public String requestId(int repeat) {
        return repeat == 0 ? itemId : itemId + "#r" + repeat;
    }
}
