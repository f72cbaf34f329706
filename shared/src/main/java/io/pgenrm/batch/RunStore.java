package io.pgenrm.batch;

import io.pgenrm.domain.EvaluationResult;
import io.pgenrm.domain.Scenario;
import java.util.List;
import java.util.Set;

/** Durable record of batch runs: every finished item is stored once, so a rerun resumes without duplicates. */
public interface RunStore {
    /** Creates the run if it does not exist yet; an existing run is resumed. */
    void openRun(RunInfo run);

    Set<String> finishedItemIds(String runId);

    /** Stores the outcome (and the evaluation chains when there is a result); false if it was already stored. */
    default boolean recordItem(ItemOutcome outcome, EvaluationResult result) {
        return recordItem(outcome, result, null);
    }

    /**
     * As {@link #recordItem(ItemOutcome, EvaluationResult)}, with the scenario the item was judged on (candidates in
     * the order the result's indexes refer to; null when unknown), so the item can be shown later.
     */
    boolean recordItem(ItemOutcome outcome, EvaluationResult result, Scenario scenario);

    List<ItemOutcome> outcomes(String runId);

    void closeRun(String runId, String reportJson);
}
