package io.pgenrm.api;

import io.pgenrm.domain.Persona;
import io.pgenrm.domain.Scenario;
import io.pgenrm.domain.Validation;

/**
 * Rubrics for {@code count} samples of one persona and scenario in one request. In-process only: on Step
 * Functions each sample asks for its own rubric.
 */
public record GenerateRubricsRequest(Persona persona, Scenario scenario, long seed, int count) {
    public GenerateRubricsRequest {
        Validation.require(persona != null, "persona", "is required");
        Validation.require(scenario != null, "scenario", "is required");
        Validation.require(count >= 1, "count", "must be >= 1");
    }
}
