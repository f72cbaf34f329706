package io.pgenrm.workflow;

import io.pgenrm.domain.PreferencePair;
import io.pgenrm.domain.UserHistory;
import java.util.Map;

/**
 * The train rows of a batch run, stored one at a time by independent invocations (in any order, possibly twice) and
 * read back as users' histories once all are in.
 */
public interface HistoryStore {
    /** Stores the pair unless the run already has one with this id; true when this call stored it. */
    boolean add(String runId, String pairId, int index, String userId, PreferencePair pair);

    /** Every user's history in the run, pairs in row order, so the result does not depend on arrival order. */
    Map<String, UserHistory> histories(String runId);
}
