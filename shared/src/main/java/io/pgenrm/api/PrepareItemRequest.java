package io.pgenrm.api;

import io.pgenrm.bench.BenchmarkRow;
import io.pgenrm.domain.ScalingPlan;
import io.pgenrm.domain.Validation;

/** Input of {@code prepareBenchmarkItem}: one PersonalRewardBench row of a batch run. */
public record PrepareItemRequest(String runId, BenchmarkRow row, ScalingPlan scaling) {
    public PrepareItemRequest {
        Validation.require(runId != null && !runId.isBlank(), "runId", "must not be blank");
        Validation.require(row != null, "row", "is required");
        scaling = scaling == null ? ScalingPlan.DEFAULT : scaling;
    }
}
