package io.pgenrm.runtime;

import io.pgenrm.domain.UserHistory;
import io.pgenrm.judge.Judge;
import io.pgenrm.prototype.PrototypeIndex;
import io.pgenrm.workflow.Population;
import io.pgenrm.workflow.PopulationStore;
import io.pgenrm.workflow.PrototypeCatalog;
import io.pgenrm.workflow.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The population this process serves: replaced as a whole when a batch provides a new one, and read from the
 * database (where one is deployed with this function) when the database holds a newer one than this process, since
 * a fresh Lambda instance starts empty and a warm one must not keep serving the population of an earlier batch after
 * buildPopulation (another Lambda) saved the next.
 */
@ApplicationScoped
public class CurrentPopulation implements UserDirectory, PrototypeCatalog {
    /** Never loaded: lower than any stored version, so the first call loads. */
    private static final long NONE = -1;

    private record Held(Population population, long version, long checkedAt) {
    }

    private final AtomicReference<Held> current = new AtomicReference<>(new Held(Population.EMPTY, NONE, 0));

    @Inject
    Instance<PopulationStore> stores;

    @Inject
    PgenrmConfig config;

    @Inject
    Judge judge;

    public Population get() {
        Held held = current.get();
        if (!stores.isResolvable()
                || (held.version() != NONE && System.nanoTime() - held.checkedAt() < config.populationRecheck().toNanos())) {
            return held.population();
        }
        return refresh();
    }

    /** Asks the store now, not at the next recheck, whether a newer population was saved, and serves it if so. */
    public synchronized Population refresh() {
        if (!stores.isResolvable()) {
            return current.get().population();
        }
        PopulationStore store = stores.get();
        long version = store.version();
        Held held = current.get();
        Population population = version == held.version() ? held.population() : store.load();
        current.set(new Held(population, version, System.nanoTime()));
        useModelOf(population);
        return population;
    }

    /** Serves {@code population}, which the caller has just saved (when there is a store), as the stored version. */
    public synchronized void replace(Population population) {
        long version = stores.isResolvable() ? stores.get().version() : NONE;
        current.set(new Held(population, version, System.nanoTime()));
        useModelOf(population);
    }

    /** Personas of this population were refined from its model: scoring them with another would be wrong. */
    private void useModelOf(Population population) {
        if (population.rewardModel() != null) {
            judge.populationLearner().ifPresent(learner -> learner.usePopulation(population.rewardModel()));
        }
    }

    @Override
    public Optional<UserHistory> find(String userId) {
        return get().find(userId);
    }

    @Override
    public PrototypeIndex index() {
        return get().index();
    }
}
