package io.pgenrm.batch;

import io.pgenrm.domain.CallCost;

/** Hears how a batch run advances. Items finish on the item pool's threads, so implementations are thread-safe. */
public interface BatchProgress {
    /** {@code alreadyDone} of the {@code total} items were finished by an earlier process and are skipped. */
    void started(RunInfo run, int total, int alreadyDone);

    /** One item finished with {@code status}; {@code cost} tells how the endpoint behaved for it. */
    void itemFinished(ItemStatus status, CallCost cost);

    void finished();
}
