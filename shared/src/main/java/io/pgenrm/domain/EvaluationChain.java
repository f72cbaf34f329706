package io.pgenrm.domain;

import java.util.List;

/**
 * One sample's full reasoning record: persona, rubric, per-candidate scores, and the judge's raw output.
 * Kept and shown to users. A failed sample keeps its status and error and carries no scores.
 */
public record EvaluationChain(SampleSource source, String personaUserId, int sampleIndex, long seed, Persona persona,
        Rubric rubric, List<CandidateScore> scores, ChainStatus status, String error, String rawOutput,
        CallCost cost) {
    public EvaluationChain {
        Validation.require(source != null, "source", "is required");
        scores = Validation.copyOrEmpty(scores, "scores");
        Validation.require(status != null, "status", "is required");
        Validation.require(status != ChainStatus.OK || !scores.isEmpty(), "scores", "an OK chain needs scores");
        cost = cost == null ? CallCost.NONE : cost;
    }

    public boolean scored() {
        return status == ChainStatus.OK;
    }

    public double total(int candidate) {
        return scores.stream().filter(s -> s.candidate() == candidate).findFirst()
                .orElseThrow(() -> new IllegalStateException("no score for candidate " + candidate)).total();
    }
}
