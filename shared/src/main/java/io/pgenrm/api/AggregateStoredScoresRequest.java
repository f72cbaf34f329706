package io.pgenrm.api;

import io.pgenrm.domain.CallCost;
import io.pgenrm.domain.ScalingPlan;
import io.pgenrm.domain.Validation;
import java.util.List;

/**
 * Input of {@code aggregateScores} on Step Functions: the evaluation whose {@code samples} stored chains are mixed,
 * how to mix them, its prototype and neighbours, and what the user's own persona cost ({@code selfCost}), which the
 * result's cost includes as in-process.
 */
public record AggregateStoredScoresRequest(String evaluationId, String userId, int candidateCount,
        ScalingPlan scaling, int prototypeId, List<NeighbourRef> neighbours, int samples, CallCost selfCost) {
    public AggregateStoredScoresRequest {
        Validation.require(evaluationId != null && !evaluationId.isBlank(), "evaluationId", "must not be blank");
        Validation.require(userId != null && !userId.isBlank(), "userId", "must not be blank");
        Validation.require(candidateCount >= 2, "candidateCount", "must be >= 2");
        Validation.require(scaling != null, "scaling", "is required");
        Validation.require(samples >= 0, "samples", "must not be negative");
        neighbours = Validation.copyOrEmpty(neighbours, "neighbours");
        selfCost = selfCost == null ? CallCost.NONE : selfCost;
    }
}
