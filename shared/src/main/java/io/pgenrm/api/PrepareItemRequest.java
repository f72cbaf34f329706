package io.pgenrm.api;

import io.pgenrm.batch.BenchmarkRow;
import io.pgenrm.domain.ScalingPlan;
import io.pgenrm.domain.Validation;

/**
 * Input of {@code prepareBenchmarkItem}: one PersonalRewardBench row of a batch run, with its index among the file's
 * rows ({@code $$.Map.Item.Index}), from which its item id derives exactly as in {@code pgenrm evaluate}.
 */
public record PrepareItemRequest(String runId, int index, BenchmarkRow row, ScalingPlan scaling) {
    public PrepareItemRequest {
        Validation.require(runId != null && !runId.isBlank(), "runId", "must not be blank");
        Validation.require(index >= 0, "index", "must not be negative");
        Validation.require(row != null, "row", "is required");
        scaling = scaling == null ? ScalingPlan.DEFAULT : scaling;
    }
}
