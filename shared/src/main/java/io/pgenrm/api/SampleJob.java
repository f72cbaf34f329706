package io.pgenrm.api;

import io.pgenrm.domain.SampleSource;
import io.pgenrm.domain.Validation;
import java.util.List;

/**
 * Samples that one Step Functions iteration runs: one persona (the stored history of {@code userId} at
 * {@code historyVersion}, induced with {@code personaSeed}), an optional rubric step, and the scoring of each sample.
 * Several samples share a job only when they share one prompt (the user's own samples in the chain format, shown in
 * the same order), so the scoring asks for all of them in one request, as the in-process workflow does.
 */
public record SampleJob(SampleSource source, String userId, String historyVersion, long personaSeed,
        boolean rubricStep, long itemSeed, boolean reversedOrder, List<SampleSlot> samples) {
    public SampleJob {
        Validation.require(source != null, "source", "is required");
        Validation.require(userId != null && !userId.isBlank(), "userId", "must not be blank");
        Validation.require(historyVersion != null && !historyVersion.isBlank(), "historyVersion",
                "must not be blank");
        samples = Validation.copyOf(samples, "samples");
        Validation.require(!samples.isEmpty(), "samples", "must hold at least one sample");
    }
}
