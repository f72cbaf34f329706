package io.pgenrm.batch;

import io.pgenrm.api.EvaluateRequest;
import io.pgenrm.domain.EvaluationResult;
import io.pgenrm.domain.Scenario;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.workflow.EvaluationWorkflow;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Evaluates every test item of a data set not yet finished in its run, storing each outcome as soon as it is
 * known. A crashed or killed run is resumed by running it again with the same run id. An item that throws is
 * stored as FAILED with its reason and the batch goes on.
 */
public final class BatchRunner {
    private final EvaluationWorkflow workflow;
    private final RunStore store;
    private final ExecutorService itemPool;

    public BatchRunner(EvaluationWorkflow workflow, RunStore store, ExecutorService itemPool) {
        this.workflow = workflow;
        this.store = store;
        this.itemPool = itemPool;
    }

    /**
     * Runs (or resumes) one run. Repeats of a plan are separate runs whose requests differ only in the request
     * id the sample seeds derive from (see {@link BenchmarkItem#requestId(int)}).
     */
    public AccuracyReport run(RunInfo run, int repeat, BenchmarkDataset data, BatchProgress progress) {
        long started = System.nanoTime();
        store.openRun(run);
        Set<String> done = store.finishedItemIds(run.runId());
        for (RowError error : data.rejectedRows()) {
            if (!done.contains(error.itemId())) {
                store.recordItem(ItemOutcome.failed(run.runId(), error.itemId(), "", 0,
                        "line " + error.line() + ": " + error.reason()), null);
            }
        }
        List<BenchmarkItem> todo = data.items().stream().filter(i -> !done.contains(i.itemId())).toList();
        int resumed = data.items().size() - todo.size();
        progress.started(run, data.items().size(), resumed);
        List<CompletableFuture<Void>> futures = todo.stream().map(item -> CompletableFuture.runAsync(() -> {
            Evaluated outcome = evaluate(run, repeat, data, item);
            store.recordItem(outcome.outcome(), outcome.result(), outcome.scenario());
            progress.itemFinished(outcome.outcome().status(), outcome.outcome().cost());
        }, itemPool)).toList();
        futures.forEach(CompletableFuture::join);
        progress.finished();
        long wallMillis = (System.nanoTime() - started) / 1_000_000;
        // A run id reused with an edited file still holds the old file's items; the report covers this file only.
        Set<String> ids = new HashSet<>();
        data.items().forEach(item -> ids.add(item.itemId()));
        data.rejectedRows().forEach(row -> ids.add(row.itemId()));
        List<ItemOutcome> outcomes = store.outcomes(run.runId()).stream().filter(o -> ids.contains(o.itemId()))
                .toList();
        return AccuracyReport.of(run, outcomes, data.rejectedRows(), resumed, wallMillis);
    }

    private record Evaluated(ItemOutcome outcome, EvaluationResult result, Scenario scenario) {
    }

    private Evaluated evaluate(RunInfo run, int repeat, BenchmarkDataset data, BenchmarkItem item) {
        int historySize = data.histories().getOrDefault(item.userId(), UserHistory.empty(item.userId())).pairs().size();
        Scenario scenario = null;
        try {
            EvaluateRequest request = item.toRequest(run.scaling(), repeat);
            scenario = request.scenario();
            EvaluationResult result = workflow.evaluate(request);
            return new Evaluated(ItemOutcome.of(run.runId(), item, historySize, result), result, scenario);
        } catch (RuntimeException e) {
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            return new Evaluated(ItemOutcome.failed(run.runId(), item.itemId(), item.userId(), historySize, reason),
                    null, scenario);
        }
    }
}
