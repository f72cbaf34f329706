package io.pgenrm.domain;

/**
 * What inference cost, and how the endpoint behaved meanwhile.
 *
 * <p>Cost: calls made (every attempt, retries included), tokens in and out, calls saved by caches, wall-clock
 * milliseconds.
 *
 * <p>Trouble, each counted so a run shows at a glance how its endpoint behaved:
 * <ul>
 * <li>{@code cutOffOutputs}: outputs the endpoint cut off at the token limit, each unusable, so resampled;</li>
 * <li>{@code retries}: attempts after the first of a call;</li>
 * <li>{@code serverErrors}, {@code rateLimited}, {@code timeouts}: attempts answered 5xx, answered 429, or timed out;</li>
 * <li>{@code resamples}: generations asked for again because an output was unusable (unparseable or cut off).</li>
 * </ul>
 */
public record CallCost(int calls, long promptTokens, long completionTokens, int cachedCalls, long wallMillis,
        int cutOffOutputs, int retries, int serverErrors, int rateLimited, int timeouts, int resamples) {
    public static final CallCost NONE = new CallCost(0, 0, 0, 0, 0);

    /** A cost with no trouble. */
    public CallCost(int calls, long promptTokens, long completionTokens, int cachedCalls, long wallMillis) {
        this(calls, promptTokens, completionTokens, cachedCalls, wallMillis, 0);
    }

    /** A cost whose only trouble is outputs cut off. */
    public CallCost(int calls, long promptTokens, long completionTokens, int cachedCalls, long wallMillis,
            int cutOffOutputs) {
        this(calls, promptTokens, completionTokens, cachedCalls, wallMillis, cutOffOutputs, 0, 0, 0, 0, 0);
    }

    public static CallCost oneCall(long promptTokens, long completionTokens, long wallMillis) {
        return new CallCost(1, promptTokens, completionTokens, 0, wallMillis);
    }

    /** {@code count} generations asked for again; their own calls are counted where they are made. */
    public static CallCost resamples(int count) {
        return new CallCost(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, count);
    }

    /** Sums counters; wall time is not additive across parallel work, so the caller sets it. */
    public CallCost plus(CallCost other) {
        return new CallCost(calls + other.calls, promptTokens + other.promptTokens,
                completionTokens + other.completionTokens, cachedCalls + other.cachedCalls,
                wallMillis + other.wallMillis, cutOffOutputs + other.cutOffOutputs, retries + other.retries,
                serverErrors + other.serverErrors, rateLimited + other.rateLimited, timeouts + other.timeouts,
                resamples + other.resamples);
    }

    public CallCost withWallMillis(long millis) {
        return new CallCost(calls, promptTokens, completionTokens, cachedCalls, millis, cutOffOutputs, retries,
                serverErrors, rateLimited, timeouts, resamples);
    }

    public CallCost withCachedCalls(int cached) {
        return new CallCost(calls, promptTokens, completionTokens, cachedCalls + cached, wallMillis, cutOffOutputs,
                retries, serverErrors, rateLimited, timeouts, resamples);
    }
}
