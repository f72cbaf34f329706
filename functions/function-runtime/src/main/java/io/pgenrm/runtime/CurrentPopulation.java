package io.pgenrm.runtime;

import io.pgenrm.domain.UserHistory;
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
 * database (where one is deployed with this function) while this process has none, since a fresh Lambda
 * instance or a restarted server starts empty.
 */
@ApplicationScoped
public class CurrentPopulation implements UserDirectory, PrototypeCatalog {
    private final AtomicReference<Population> current = new AtomicReference<>(Population.EMPTY);

    @Inject
    Instance<PopulationStore> stores;

    public Population get() {
        Population population = current.get();
        if (population == Population.EMPTY && stores.isResolvable()) {
            synchronized (this) {
                population = current.get();
                if (population == Population.EMPTY) {
                    population = stores.get().load();
                    current.compareAndSet(Population.EMPTY, population);
                }
            }
        }
        return population;
    }

    public void replace(Population population) {
        current.set(population);
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
