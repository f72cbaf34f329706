package io.pgenrm.runtime;

import io.pgenrm.domain.UserHistory;
import io.pgenrm.prototype.PrototypeIndex;
import io.pgenrm.workflow.Population;
import io.pgenrm.workflow.PrototypeCatalog;
import io.pgenrm.workflow.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The population this process serves: replaced as a whole when a batch or the database provides a new one. */
@ApplicationScoped
public class CurrentPopulation implements UserDirectory, PrototypeCatalog {
    private final AtomicReference<Population> current = new AtomicReference<>(Population.EMPTY);

    public Population get() {
        return current.get();
    }

    public void replace(Population population) {
        current.set(population);
    }

    @Override
    public Optional<UserHistory> find(String userId) {
        return current.get().find(userId);
    }

    @Override
    public PrototypeIndex index() {
        return current.get().index();
    }
}
