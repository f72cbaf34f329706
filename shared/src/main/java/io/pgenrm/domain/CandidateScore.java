package io.pgenrm.domain;

import java.util.List;

/**
 * Scores of one candidate: one 1-10 score per rubric criterion (same order as the rubric, empty when the judge
 * gave only a total) and the weighted total on a scale of 10 (a judge's own total may come down to 0).
 */
public record CandidateScore(int candidate, List<Double> criterionScores, double total) {
    public CandidateScore {
        criterionScores = Validation.copyOrEmpty(criterionScores, "criterionScores");
        Validation.require(Double.isFinite(total), "total", "must be finite");
    }

    /** Weighted total of per-criterion scores under a rubric. */
    public static CandidateScore weighted(int candidate, Rubric rubric, List<Double> scores) {
        Validation.require(scores.size() == rubric.criteria().size(), "scores",
                "need one score per criterion: " + rubric.criteria().size() + ", got " + scores.size());
        double total = 0;
        for (int i = 0; i < scores.size(); i++) {
            total += rubric.criteria().get(i).weight() * scores.get(i) / 100.0;
        }
        return new CandidateScore(candidate, scores, total);
    }
}
