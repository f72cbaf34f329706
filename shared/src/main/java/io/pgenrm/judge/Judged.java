package io.pgenrm.judge;

import io.pgenrm.domain.CallCost;

/** A judge step's value, what it cost, and the raw model output it was parsed from (empty for the local backend). */
public record Judged<T>(T value, CallCost cost, String rawOutput) {
    public Judged {
        cost = cost == null ? CallCost.NONE : cost;
        rawOutput = rawOutput == null ? "" : rawOutput;
    }
}
