package io.pgenrm.api;

import io.pgenrm.domain.Validation;

/**
 * Input of {@code startPopulation} and {@code buildPopulation}: the run whose registered train rows form the users'
 * histories, and the number of prototypes (0: about sqrt(users / 2), as {@code pgenrm evaluate}).
 */
public record BuildPopulationRequest(String runId, int prototypes) {
    public BuildPopulationRequest {
        Validation.require(runId != null && !runId.isBlank(), "runId", "must not be blank");
        Validation.require(prototypes >= 0, "prototypes", "must not be negative");
    }
}
