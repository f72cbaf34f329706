package io.pgenrm.judge;

import io.pgenrm.domain.CandidateScore;
import io.pgenrm.domain.Rubric;
import java.util.List;

/** The rubric a sample was scored under and each candidate's scores, indexed by the caller's candidate order. */
public record ScoredSample(Rubric rubric, List<CandidateScore> scores) {
    public ScoredSample {
        scores = List.copyOf(scores);
    }
}
