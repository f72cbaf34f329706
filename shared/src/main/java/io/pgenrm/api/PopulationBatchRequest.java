package io.pgenrm.api;

import io.pgenrm.domain.Validation;

/** Input of {@code inducePersonas} and {@code assignPrototypes}: one batch of a build's users ({@link PopulationPlan}). */
public record PopulationBatchRequest(long buildId, int batch) {
    public PopulationBatchRequest {
        Validation.require(buildId > 0, "buildId", "must be positive");
        Validation.require(batch >= 0, "batch", "must not be negative");
    }
}
