package io.pgenrm.api;

import io.pgenrm.domain.Validation;
import io.pgenrm.prototype.PrototypeMatch;

/** Input of {@code planSamples}: the evaluation and the prototype match found for its user. */
public record PlanSamplesRequest(EvaluateRequest request, PrototypeMatch match) {
    public PlanSamplesRequest {
        Validation.require(request != null, "request", "is required");
        match = match == null ? PrototypeMatch.none() : match;
    }
}
