package io.pgenrm.api;

import io.pgenrm.domain.ScalingPlan;
import io.pgenrm.domain.Validation;

/**
 * Input of {@code recordBenchmarkItem}: the evaluation of an item (the id its result is stored under, so the result
 * and its chains do not pass through the state), or the error that stopped it, and the batch's scaling, which the run
 * is opened with.
 */
public record RecordItemRequest(String runId, String itemId, String userId, int expectedChoice,
        ScalingPlan scaling, String evaluationId, StepError error) {
    public RecordItemRequest {
        Validation.require(runId != null && !runId.isBlank(), "runId", "must not be blank");
        Validation.require(itemId != null && !itemId.isBlank(), "itemId", "must not be blank");
        Validation.require(evaluationId != null || error != null, "evaluationId",
                "either evaluationId or error is required");
        scaling = scaling == null ? ScalingPlan.DEFAULT : scaling;
    }

    /** A Step Functions error as caught by a Catch clause. */
    public record StepError(String Error, String Cause) {
    }
}
