package io.pgenrm.workflow;

import io.pgenrm.domain.PreferencePair;

/**
 * The train rows of a batch run, stored one at a time by independent invocations (in any order, possibly twice); a
 * {@link PopulationBuildStore} reads them back as users' histories once all are in.
 */
public interface HistoryStore {
    /** Stores the pair unless the run already has one with this id; true when this call stored it. */
    boolean add(String runId, String pairId, int index, String userId, PreferencePair pair);
}
