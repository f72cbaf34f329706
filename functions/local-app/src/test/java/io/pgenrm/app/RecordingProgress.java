package io.pgenrm.app;

import io.pgenrm.batch.BatchProgress;
import io.pgenrm.batch.ItemStatus;
import io.pgenrm.batch.RunInfo;
import io.pgenrm.domain.CallCost;

/** Counts what a batch run reports: items already done when it started, and items finished by this run. */
final class RecordingProgress implements BatchProgress {
    int alreadyDone;
    int finishedHere;

    @Override
    public void started(RunInfo run, int total, int done) {
        alreadyDone = done;
    }

    @Override
    public synchronized void itemFinished(ItemStatus status, CallCost cost) {
        finishedHere++;
    }

    @Override
    public void finished() {
    }
}
