package io.pgenrm.domain;

import java.util.List;

/**
 * The verdict for one evaluation: rewards per candidate, the chosen candidate ({@code null} on a tie or when no
 * sample could be scored), every evaluation chain, and the cost.
 */
public record EvaluationResult(String userId, List<CandidateReward> rewards, Integer choice, boolean tie,
        int prototypeId, List<String> neighbours, List<EvaluationChain> chains, int parseFailures, int callFailures,
        CallCost cost) {
    public EvaluationResult {
        rewards = Validation.copyOrEmpty(rewards, "rewards");
        neighbours = Validation.copyOrEmpty(neighbours, "neighbours");
        chains = Validation.copyOrEmpty(chains, "chains");
    }

    public boolean scored() {
        return !rewards.isEmpty();
    }
}
