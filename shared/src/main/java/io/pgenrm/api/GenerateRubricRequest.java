package io.pgenrm.api;

import io.pgenrm.domain.Persona;
import io.pgenrm.domain.Scenario;
import io.pgenrm.domain.Validation;

/** Input of {@code generateRubric}: whose persona, which scenario, which sample seed. */
public record GenerateRubricRequest(Persona persona, Scenario scenario, long seed) {
    public GenerateRubricRequest {
        Validation.require(persona != null, "persona", "is required");
        Validation.require(scenario != null, "scenario", "is required");
    }
}
