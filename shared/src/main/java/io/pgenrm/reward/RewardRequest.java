package io.pgenrm.reward;

import io.pgenrm.domain.Validation;
import java.util.List;

/** Body of {@code POST /v1/rewards}: items to reward, and optionally the scaling plan (else the server's). */
public record RewardRequest(List<RewardItem> items, RewardPlan plan) {
    public RewardRequest {
        items = Validation.copyOf(items, "items");
        Validation.require(!items.isEmpty(), "items", "must hold at least one item");
    }
}
