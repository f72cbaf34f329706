package io.pgenrm.api;

import io.pgenrm.domain.Persona;
import io.pgenrm.domain.Rubric;
import io.pgenrm.domain.SampleSource;
import io.pgenrm.domain.Scenario;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.domain.Validation;

/**
 * Input of {@code scoreSample}: one Ind-N (source SELF) or Pro-M (source NEIGHBOUR) sample. {@code rubric} may be
 * null when the judge writes the rubric itself in the same generation ({@code chain} prompt format).
 * {@code itemSeed} orders the candidates (reversed with {@code reversedOrder}) the same way for every sample of the
 * evaluation.
 */
public record ScoreSampleRequest(Persona persona, UserHistory history, Rubric rubric, Scenario scenario,
        SampleSource source, int sampleIndex, long seed, long itemSeed, boolean reversedOrder) {
    public ScoreSampleRequest {
        Validation.require(persona != null, "persona", "is required");
        Validation.require(scenario != null, "scenario", "is required");
        source = source == null ? SampleSource.SELF : source;
        Validation.require(sampleIndex >= 0, "sampleIndex", "must be >= 0");
    }
}
