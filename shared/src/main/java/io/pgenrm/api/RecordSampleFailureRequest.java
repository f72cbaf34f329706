package io.pgenrm.api;

import io.pgenrm.domain.Validation;

/**
 * Input of {@code recordSampleFailure}: a job whose steps failed after their retries, and the error Step Functions
 * caught. Each of its samples is stored as a CALL_FAILURE chain, so the evaluation counts it instead of failing.
 */
public record RecordSampleFailureRequest(String evaluationId, SampleJob job, RecordItemRequest.StepError error) {
    public RecordSampleFailureRequest {
        Validation.require(evaluationId != null && !evaluationId.isBlank(), "evaluationId", "must not be blank");
        Validation.require(job != null, "job", "is required");
        Validation.require(error != null, "error", "is required");
    }
}
