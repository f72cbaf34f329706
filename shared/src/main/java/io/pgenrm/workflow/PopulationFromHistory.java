package io.pgenrm.workflow;

import io.pgenrm.domain.UserHistory;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Builds and stores the population of a batch run from its registered train rows, as {@code pgenrm evaluate} does
 * from a file's train rows: personas induced at most {@code maxInFlight} at a time, the same prototype seed.
 */
public final class PopulationFromHistory {
    private final HistoryStore history;
    private final PopulationStore store;
    private final EvaluationSteps steps;
    private final int maxInFlight;

    public PopulationFromHistory(HistoryStore history, PopulationStore store, EvaluationSteps steps, int maxInFlight) {
        this.history = history;
        this.store = store;
        this.steps = steps;
        this.maxInFlight = maxInFlight;
    }

    public PopulationBuilder.Built build(String runId, int prototypes) {
        Map<String, UserHistory> users = history.histories(runId);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, maxInFlight));
        try {
            PopulationBuilder.Built built = PopulationBuilder.build(users, steps, pool, prototypes,
                    PopulationBuilder.PROTOTYPE_SEED);
            store.save(built.population(), built.personas());
            return built;
        } finally {
            pool.shutdownNow();
        }
    }
}
