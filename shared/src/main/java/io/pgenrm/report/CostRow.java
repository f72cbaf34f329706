package io.pgenrm.report;

/**
 * One line of the accuracy-versus-cost table. Costs are per evaluation (one item in one run). Calls served by a
 * cache are apart: which plan finds a persona cached depends on the order the plans ran in, while made plus
 * cached calls is what the plan itself needs. {@code wallMillis} sums the plan's runs in this process; when
 * {@code resumedItems} is above 0, time spent by earlier processes is missing from it.
 */
public record CostRow(String plan, int repeats, double callsPerEvaluation, double cachedCallsPerEvaluation,
        double promptTokensPerEvaluation, double completionTokensPerEvaluation, Spread accuracy, long wallMillis,
        int resumedItems) {

    /** Calls the plan needs per evaluation, whether made or served by a cache. */
    public double neededCallsPerEvaluation() {
        return callsPerEvaluation + cachedCallsPerEvaluation;
    }
}
