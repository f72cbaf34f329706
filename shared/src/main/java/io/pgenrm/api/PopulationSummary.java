package io.pgenrm.api;

import io.pgenrm.domain.CallCost;

/**
 * Output of {@code buildPopulation}: counts only, so the state stays small whatever the population's size; the users
 * left out of the prototypes are named in the function's log.
 */
public record PopulationSummary(int users, int pairs, int personas, int prototypes, int failedUsers, CallCost cost) {
}
