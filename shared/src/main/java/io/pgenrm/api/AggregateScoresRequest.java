package io.pgenrm.api;

import io.pgenrm.domain.EvaluationChain;
import io.pgenrm.domain.ScalingPlan;
import io.pgenrm.domain.Validation;
import java.util.List;

/** Input of {@code aggregateScores}: every sample of one evaluation and how to mix them. */
public record AggregateScoresRequest(String userId, int candidateCount, ScalingPlan scaling,
        List<EvaluationChain> chains, int prototypeId, List<String> neighbours) {
    public AggregateScoresRequest {
        Validation.require(userId != null && !userId.isBlank(), "userId", "must not be blank");
        Validation.require(candidateCount >= 2, "candidateCount", "must be >= 2");
        Validation.require(scaling != null, "scaling", "is required");
        chains = Validation.copyOf(chains, "chains");
        neighbours = Validation.copyOrEmpty(neighbours, "neighbours");
    }
}
