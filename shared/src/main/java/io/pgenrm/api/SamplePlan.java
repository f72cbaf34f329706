package io.pgenrm.api;

import java.util.List;

/** Output of {@code planSamples}: every Ind-N and Pro-M sample to run, independent of each other. */
public record SamplePlan(List<SampleTask> tasks) {
    public SamplePlan {
        tasks = List.copyOf(tasks);
    }
}
