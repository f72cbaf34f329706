package io.pgenrm.api;

import io.pgenrm.domain.EvaluationResult;
import io.pgenrm.domain.ScalingPlan;
import io.pgenrm.domain.Validation;

/**
 * Input of {@code recordBenchmarkItem}: an item's result, or the error that stopped it, and the batch's scaling, which
 * the run is opened with.
 */
public record RecordItemRequest(String runId, String itemId, String userId, int expectedChoice,
        ScalingPlan scaling, EvaluationResult result, StepError error) {
    public RecordItemRequest {
        Validation.require(runId != null && !runId.isBlank(), "runId", "must not be blank");
        Validation.require(itemId != null && !itemId.isBlank(), "itemId", "must not be blank");
        Validation.require(result != null || error != null, "result", "either result or error is required");
        scaling = scaling == null ? ScalingPlan.DEFAULT : scaling;
    }

    /** A Step Functions error as caught by a Catch clause. */
    public record StepError(String Error, String Cause) {
    }
}
