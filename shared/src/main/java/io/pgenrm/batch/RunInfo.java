package io.pgenrm.batch;

import io.pgenrm.domain.ScalingPlan;

/** Identity and settings of a batch run. */
public record RunInfo(String runId, String input, String backend, ScalingPlan scaling) {
}
