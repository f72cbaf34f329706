package io.pgenrm.api;

import io.pgenrm.domain.Scenario;
import io.pgenrm.domain.Validation;

/** Input of {@code generateRubric} on Step Functions: the stored persona, the scenario, the sample seed. */
public record GenerateStoredRubricRequest(PersonaRef persona, Scenario scenario, long seed) {
    public GenerateStoredRubricRequest {
        Validation.require(persona != null, "persona", "is required");
        Validation.require(scenario != null, "scenario", "is required");
    }
}
