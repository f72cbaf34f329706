package io.pgenrm.reward;

import io.pgenrm.domain.EvaluationResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Evaluations by id (a hash of user and history, prompt, response set and plan), least recently used first out.
 * An evaluation still running is shared too, so a retried request or a duplicate group waits for the one already
 * underway instead of judging again. Only evaluations that scored stay: a failure is never served from here. The
 * entries belong to one population (its personas and prototypes shaped them) and are dropped when it is replaced.
 */
public final class RewardCache {
    /** The evaluation for an id, and whether it was found rather than started. */
    public record Lookup(CompletableFuture<EvaluationResult> result, boolean hit) {
    }

    private final int capacity;
    private final Map<String, CompletableFuture<EvaluationResult>> entries;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private Object population;

    public RewardCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<EvaluationResult>> eldest) {
                return size() > RewardCache.this.capacity;
            }
        };
    }

    /**
     * The evaluation {@code id}, found, or started by {@code start} and kept once it has scored. The future handed out
     * (and held) completes only after a failure has left the map, so nobody who saw a failure can be served it again.
     */
    public Lookup lookup(String id, Supplier<CompletableFuture<EvaluationResult>> start) {
        CompletableFuture<EvaluationResult> started;
        CompletableFuture<EvaluationResult> held = new CompletableFuture<>();
        synchronized (this) {
            CompletableFuture<EvaluationResult> found = entries.get(id);
            if (found != null) {
                hits.incrementAndGet();
                return new Lookup(found, true);
            }
            misses.incrementAndGet();
            started = start.get();
            if (capacity > 0) {
                entries.put(id, held);
            }
        }
        started.whenComplete((result, failure) -> {
            if (failure != null || !result.scored()) {
                synchronized (this) {
                    entries.remove(id, held);
                }
            }
            if (failure != null) {
                held.completeExceptionally(failure);
            } else {
                held.complete(result);
            }
        });
        return new Lookup(held, false);
    }

    /** A finished evaluation that scored, while it is held. */
    public synchronized Optional<EvaluationResult> completed(String id) {
        CompletableFuture<EvaluationResult> found = entries.get(id);
        return found != null && found.isDone() && !found.isCompletedExceptionally()
                ? Optional.of(found.join()).filter(EvaluationResult::scored) : Optional.empty();
    }

    /** Drops every entry when {@code current} is not the population they were made for (compared by identity). */
    public synchronized void belongTo(Object current) {
        if (population != current) {
            entries.clear();
            population = current;
        }
    }

    public long hits() {
        return hits.get();
    }

    public long misses() {
        return misses.get();
    }

    public synchronized int size() {
        return entries.size();
    }
}
