package io.pgenrm.bench;

import io.pgenrm.domain.CallCost;
import io.pgenrm.domain.EvaluationResult;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.workflow.EvaluationWorkflow;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Evaluates every test item of a data set not yet finished in its run, storing each outcome as soon as it is
 * known. A crashed or killed run is resumed by running it again with the same run id. An item that throws is
 * stored as FAILED with its reason and the batch goes on.
 */
public final class BatchRunner {
    private final EvaluationWorkflow workflow;
    private final RunStore store;
    private final ExecutorService itemPool;
    private final Consumer<String> progress;

    public BatchRunner(EvaluationWorkflow workflow, RunStore store, ExecutorService itemPool,
            Consumer<String> progress) {
        this.workflow = workflow;
        this.store = store;
        this.itemPool = itemPool;
        this.progress = progress;
    }

    public AccuracyReport run(RunInfo run, BenchmarkDataset data, CallCost setupCost) {
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
        if (todo.size() < data.items().size()) {
            progress.accept("resuming run " + run.runId() + ": " + (data.items().size() - todo.size())
                    + " items already done, " + todo.size() + " to go");
        }
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        int every = Math.max(1, todo.size() / 10);
        List<CompletableFuture<Void>> futures = todo.stream().map(item -> CompletableFuture.runAsync(() -> {
            Evaluated outcome = evaluate(run, data, item);
            store.recordItem(outcome.outcome(), outcome.result());
            if (outcome.outcome().status() == ItemStatus.FAILED) {
                failures.incrementAndGet();
            }
            int n = finished.incrementAndGet();
            if (n % every == 0 || n == todo.size()) {
                double seconds = (System.nanoTime() - started) / 1e9;
                progress.accept(String.format(Locale.ROOT, "%d/%d items  %.1f items/s  %d failed", n, todo.size(),
                        n / Math.max(seconds, 1e-3), failures.get()));
            }
        }, itemPool)).toList();
        futures.forEach(CompletableFuture::join);
        long wallMillis = (System.nanoTime() - started) / 1_000_000;
        return AccuracyReport.of(run, store.outcomes(run.runId()), data.rejectedRows(), setupCost, wallMillis);
    }

    private record Evaluated(ItemOutcome outcome, EvaluationResult result) {
    }

    private Evaluated evaluate(RunInfo run, BenchmarkDataset data, BenchmarkItem item) {
        int historySize = data.histories().getOrDefault(item.userId(), UserHistory.empty(item.userId())).pairs().size();
        try {
            EvaluationResult result = workflow.evaluate(item.toRequest(run.scaling()));
            return new Evaluated(ItemOutcome.of(run.runId(), item, historySize, result), result);
        } catch (RuntimeException e) {
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            return new Evaluated(ItemOutcome.failed(run.runId(), item.itemId(), item.userId(), historySize, reason),
                    null);
        }
    }
}
