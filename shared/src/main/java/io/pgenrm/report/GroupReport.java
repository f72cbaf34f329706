package io.pgenrm.report;

/**
 * Accuracy of one history-length group (users with {@code minPairs} to {@code maxPairs} past pairs; 0 to 0 is
 * cold start) over the repeats of a plan. {@code items} is per run, {@code ties} summed over the runs.
 */
public record GroupReport(String label, int minPairs, int maxPairs, int items, int ties, Spread accuracy) {
}
