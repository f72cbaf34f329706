package io.pgenrm.reward;

import java.util.List;

/** Answer of {@code POST /v1/rewards}: the items in request order, the evaluations behind them, and totals. */
public record RewardResponse(List<ItemRewards> items, List<GroupOutcome> evaluations, RewardUsage usage) {
    public RewardResponse {
        items = List.copyOf(items);
        evaluations = List.copyOf(evaluations);
    }
}
