package io.pgenrm.bench;

/** Hears how a batch run advances. Items finish on the item pool's threads, so implementations are thread-safe. */
public interface BatchProgress {
    /** {@code alreadyDone} of the {@code total} items were finished by an earlier process and are skipped. */
    void started(RunInfo run, int total, int alreadyDone);

    void itemFinished(ItemStatus status);

    void finished();
}
