package io.pgenrm.judge;

import io.pgenrm.domain.CandidateScore;
import io.pgenrm.domain.Rubric;
import java.util.List;

/**
 * The rubric a sample was scored under and each candidate's scores, indexed by the caller's candidate order.
 * {@code analysis} is the preference analysis the judge wrote in the same generation ({@code chain} format): that
 * sample's persona. Empty when the judge was given a persona.
 */
public record ScoredSample(Rubric rubric, List<CandidateScore> scores, String analysis) {
    public ScoredSample {
        scores = List.copyOf(scores);
        analysis = analysis == null ? "" : analysis;
    }

    public ScoredSample(Rubric rubric, List<CandidateScore> scores) {
        this(rubric, scores, "");
    }
}
