package io.pgenrm.batch;

import io.pgenrm.domain.CallCost;
import java.util.Locale;

/**
 * How the inference endpoint behaved over some evaluations: retries, and the 5xx answers, 429 answers and timeouts
 * behind them; resamples of unusable outputs, and the outputs cut off at the token limit among those.
 */
public record FaultCounts(long retries, long serverErrors, long rateLimited, long timeouts, long resamples,
        long cutOffOutputs) {
    public static final FaultCounts NONE = new FaultCounts(0, 0, 0, 0, 0, 0);

    public static FaultCounts of(CallCost cost) {
        return new FaultCounts(cost.retries(), cost.serverErrors(), cost.rateLimited(), cost.timeouts(),
                cost.resamples(), cost.cutOffOutputs());
    }

    public FaultCounts plus(FaultCounts other) {
        return new FaultCounts(retries + other.retries, serverErrors + other.serverErrors,
                rateLimited + other.rateLimited, timeouts + other.timeouts, resamples + other.resamples,
                cutOffOutputs + other.cutOffOutputs);
    }

    public boolean any() {
        return !equals(NONE);
    }

    /** E.g. "retries 12 (5xx 8, 429 2, timeouts 2), resamples 3 (cut off 1)": every count, zeros included. */
    public String text() {
        return String.format(Locale.ROOT, "retries %d (5xx %d, 429 %d, timeouts %d), resamples %d (cut off %d)",
                retries, serverErrors, rateLimited, timeouts, resamples, cutOffOutputs);
    }
}
