package io.pgenrm.api;

import io.pgenrm.domain.Validation;

/** Input of {@code fitPrototypes} and {@code publishPopulation}: the build. */
public record PopulationBuildRequest(long buildId) {
    public PopulationBuildRequest {
        Validation.require(buildId > 0, "buildId", "must be positive");
    }
}
