package io.pgenrm.api;

import io.pgenrm.domain.Validation;

/** Input of {@code storedEvaluation}: the id an evaluation on Step Functions stored its result under. */
public record StoredEvaluationRequest(String evaluationId) {
    public StoredEvaluationRequest {
        Validation.require(evaluationId != null && !evaluationId.isBlank(), "evaluationId", "must not be blank");
    }
}
