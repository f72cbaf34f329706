package io.pgenrm.batch;

import io.pgenrm.domain.CallCost;
import io.pgenrm.domain.CandidateReward;
import io.pgenrm.domain.EvaluationResult;
import java.util.List;

/** The persisted outcome of one item of a batch run. */
public record ItemOutcome(String runId, String itemId, String userId, int historySize, ItemStatus status,
        int expectedChoice, Integer choice, List<Double> rewards, int parseFailures, int callFailures, CallCost cost,
        String reason) {

    public ItemOutcome {
        rewards = rewards == null ? List.of() : List.copyOf(rewards);
        cost = cost == null ? CallCost.NONE : cost;
    }

    public static ItemOutcome of(String runId, BenchmarkItem item, int historySize, EvaluationResult result) {
        return of(runId, item.itemId(), item.userId(), item.expectedChoice(), historySize, result);
    }

    public static ItemOutcome of(String runId, String itemId, String userId, int expectedChoice, int historySize,
            EvaluationResult result) {
        ItemStatus status;
        String reason = null;
        if (!result.scored()) {
            status = ItemStatus.UNSCORED;
            reason = "no sample could be scored (" + result.parseFailures() + " parse failures, "
                    + result.callFailures() + " call failures)";
        } else if (result.tie()) {
            status = ItemStatus.TIE;
        } else {
            status = result.choice() == expectedChoice ? ItemStatus.CORRECT : ItemStatus.INCORRECT;
        }
        return new ItemOutcome(runId, itemId, userId, historySize, status, expectedChoice,
                result.choice(), result.rewards().stream().map(CandidateReward::reward).toList(),
                result.parseFailures(), result.callFailures(), result.cost(), reason);
    }

    public static ItemOutcome failed(String runId, String itemId, String userId, int historySize, String reason) {
        return new ItemOutcome(runId, itemId, userId, historySize, ItemStatus.FAILED, -1, null, List.of(), 0, 0,
                CallCost.NONE, reason);
    }
}
