package io.pgenrm.api;

/**
 * Output of {@code startPopulation}: the build that was opened, how many users it covers, and how they are split into
 * batches for the fan-out steps ({@code lastBatch} is -1 when there is no user; the state machine iterates over
 * {@code States.ArrayRange(0, lastBatch, 1)}).
 */
public record PopulationPlan(long buildId, int users, int batchSize, int batches, int lastBatch) {
}
