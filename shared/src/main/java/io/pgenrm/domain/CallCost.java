package io.pgenrm.domain;

/**
 * What inference cost: calls made, tokens in and out, calls saved by caches, wall-clock milliseconds, and outputs the
 * endpoint cut off at the token limit (each unusable, so resampled; counted so a too-low max-tokens shows).
 */
public record CallCost(int calls, long promptTokens, long completionTokens, int cachedCalls, long wallMillis,
        int cutOffOutputs) {
    public static final CallCost NONE = new CallCost(0, 0, 0, 0, 0, 0);

    /** A cost with no output cut off. */
    public CallCost(int calls, long promptTokens, long completionTokens, int cachedCalls, long wallMillis) {
        this(calls, promptTokens, completionTokens, cachedCalls, wallMillis, 0);
    }

    public static CallCost oneCall(long promptTokens, long completionTokens, long wallMillis) {
        return new CallCost(1, promptTokens, completionTokens, 0, wallMillis);
    }

    /** Sums counters; wall time is not additive across parallel work, so the caller sets it. */
    public CallCost plus(CallCost other) {
        return new CallCost(calls + other.calls, promptTokens + other.promptTokens,
                completionTokens + other.completionTokens, cachedCalls + other.cachedCalls,
                wallMillis + other.wallMillis, cutOffOutputs + other.cutOffOutputs);
    }

    public CallCost withWallMillis(long millis) {
        return new CallCost(calls, promptTokens, completionTokens, cachedCalls, millis, cutOffOutputs);
    }

    public CallCost withCachedCalls(int cached) {
        return new CallCost(calls, promptTokens, completionTokens, cachedCalls + cached, wallMillis, cutOffOutputs);
    }
}
