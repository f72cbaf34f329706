package io.pgenrm.api;

import java.util.List;

/** Output of {@code planSamples} on Step Functions: the jobs to run and how many samples (slots) they hold. */
public record StoredSamplePlan(List<SampleJob> jobs, int samples) {
    public StoredSamplePlan {
        jobs = List.copyOf(jobs);
    }
}
