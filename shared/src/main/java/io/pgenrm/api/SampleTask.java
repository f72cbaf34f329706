package io.pgenrm.api;

import io.pgenrm.domain.SampleSource;
import io.pgenrm.domain.UserHistory;

/**
 * One planned sample of an evaluation: whose history to judge from (the user for Ind-N, a neighbour for Pro-M),
 * its index and seed, the item's seed (shared by every sample of the evaluation: the candidates' shown order and the
 * past choices a prompt draws), the seed its persona is induced with, whether a separate rubric call is needed, and
 * whether the candidates are shown in the reverse of the item's order (the twin of a sample, for position
 * debiasing).
 */
public record SampleTask(SampleSource source, UserHistory history, int sampleIndex, long seed, long itemSeed,
        long personaSeed, boolean rubricStep, boolean reversedOrder) {
}
