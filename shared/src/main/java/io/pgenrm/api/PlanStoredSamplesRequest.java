package io.pgenrm.api;

import io.pgenrm.domain.Validation;
import java.util.List;

/**
 * Input of {@code planSamples} on Step Functions: the evaluation request without its history (its seeds derive from
 * the request id), the version of the user's stored history, and the neighbours its prototype match found.
 */
public record PlanStoredSamplesRequest(EvaluateRequest request, String historyVersion, List<NeighbourRef> neighbours) {
    public PlanStoredSamplesRequest {
        Validation.require(request != null, "request", "is required");
        Validation.require(historyVersion != null && !historyVersion.isBlank(), "historyVersion", "must not be blank");
        neighbours = Validation.copyOrEmpty(neighbours, "neighbours");
    }
}
