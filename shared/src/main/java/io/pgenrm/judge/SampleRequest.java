package io.pgenrm.judge;

import io.pgenrm.domain.Persona;
import io.pgenrm.domain.Rubric;
import io.pgenrm.domain.Scenario;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.domain.Validation;

/**
 * Input of one scoring sample. {@code rubric} is null when the judge writes its own rubric in the same generation
 * (the {@code chain} format); {@code history} is optional context for judges that read raw history;
 * {@code reversedOrder} shows the candidates in the reverse of the seed's random order.
 */
public record SampleRequest(Persona persona, UserHistory history, Rubric rubric, Scenario scenario, int sampleIndex,
        long seed, boolean reversedOrder) {
    public SampleRequest {
        Validation.require(persona != null, "persona", "is required");
        Validation.require(scenario != null, "scenario", "is required");
        Validation.require(sampleIndex >= 0, "sampleIndex", "must be >= 0");
    }
}
