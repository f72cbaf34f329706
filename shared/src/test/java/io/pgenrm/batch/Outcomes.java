package io.pgenrm.batch;

import io.pgenrm.domain.CallCost;
import io.pgenrm.domain.ScalingPlan;
import java.util.ArrayList;
import java.util.List;

/** Builds item outcomes and runs for report tests without evaluating anything. */
public final class Outcomes {
    private final String runId;
    private final List<ItemOutcome> outcomes = new ArrayList<>();

    public Outcomes(String runId) {
        this.runId = runId;
    }

    /** {@code count} items of users with {@code historySize} pairs, each costing {@code calls} calls. */
    public Outcomes add(int count, ItemStatus status, int historySize, int calls) {
        for (int i = 0; i < count; i++) {
            String item = "item-" + outcomes.size();
            Integer choice = switch (status) {
                case CORRECT -> 0;
                case INCORRECT -> 1;
                default -> null;
            };
            CallCost cost = status == ItemStatus.FAILED ? CallCost.NONE : new CallCost(calls, 100L * calls, 10L * calls, 1, 20);
            outcomes.add(new ItemOutcome(runId, item, "user-" + outcomes.size(), historySize, status, 0, choice,
                    choice == null ? List.of() : List.of(0.6, 0.4), status == ItemStatus.UNSCORED ? 2 : 0,
                    status == ItemStatus.UNSCORED ? 1 : 0, cost, null));
        }
        return this;
    }

    /** {@code count} correct items of users with 5 pairs, each with {@code cost}. */
    public Outcomes addCorrect(int count, CallCost cost) {
        for (int i = 0; i < count; i++) {
            outcomes.add(new ItemOutcome(runId, "item-" + outcomes.size(), "user-" + outcomes.size(), 5,
                    ItemStatus.CORRECT, 0, 0, List.of(0.6, 0.4), 0, 0, cost, null));
        }
        return this;
    }

    public Outcomes rejectedRow(String itemId) {
        outcomes.add(ItemOutcome.failed(runId, itemId, "", 0, "line 3: not a valid row"));
        return this;
    }

    public List<ItemOutcome> list() {
        return List.copyOf(outcomes);
    }

    public AccuracyReport report(ScalingPlan plan, List<RowError> rejected, long wallMillis) {
        return AccuracyReport.of(new RunInfo(runId, "data.jsonl", "local", plan), outcomes, rejected, 0, wallMillis);
    }
}
