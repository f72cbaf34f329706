package io.pgenrm.api;

import io.pgenrm.domain.CallCost;
import io.pgenrm.domain.Rubric;
import io.pgenrm.domain.Scenario;
import io.pgenrm.domain.Validation;

/**
 * Input of {@code scoreSamples}: a job's samples, to be scored and stored under {@code evaluationId}. {@code rubric}
 * is null when the judge writes its own ({@code chain} format); {@code spent} is what the job's persona and rubric
 * steps cost, added to its first chain so the chains' costs add up.
 */
public record ScoreStoredSamplesRequest(String evaluationId, SampleJob job, PersonaRef persona, Rubric rubric,
        Scenario scenario, CallCost spent) {
    public ScoreStoredSamplesRequest {
        Validation.require(evaluationId != null && !evaluationId.isBlank(), "evaluationId", "must not be blank");
        Validation.require(job != null, "job", "is required");
        Validation.require(persona != null, "persona", "is required");
        Validation.require(scenario != null, "scenario", "is required");
        spent = spent == null ? CallCost.NONE : spent;
    }
}
