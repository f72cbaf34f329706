package io.pgenrm.judge;

import io.pgenrm.domain.Persona;
import io.pgenrm.domain.Rubric;
import io.pgenrm.domain.Scenario;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.domain.Validation;

/**
 * Input of one scoring sample. {@code rubric} is null when the judge writes its own rubric in the same generation
 * (the {@code chain} format); {@code history} is optional context for judges that read raw history. {@code seed}
 * varies by sample; {@code itemSeed} is shared by every sample of one evaluation and fixes the candidates' random
 * order (as in the paper, one shuffle per item) and any random draw of past choices; {@code reversedOrder} shows the
 * candidates in the reverse of that order.
 */
public record SampleRequest(Persona persona, UserHistory history, Rubric rubric, Scenario scenario, int sampleIndex,
        long seed, long itemSeed, boolean reversedOrder) {
    public SampleRequest {
        Validation.require(persona != null, "persona", "is required");
        Validation.require(scenario != null, "scenario", "is required");
        Validation.require(sampleIndex >= 0, "sampleIndex", "must be >= 0");
    }

    /** A sample that is an item of its own: its seed is the item's seed. */
    public SampleRequest(Persona persona, UserHistory history, Rubric rubric, Scenario scenario, int sampleIndex,
            long seed, boolean reversedOrder) {
        this(persona, history, rubric, scenario, sampleIndex, seed, seed, reversedOrder);
    }
}
