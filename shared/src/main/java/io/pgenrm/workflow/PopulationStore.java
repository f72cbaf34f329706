package io.pgenrm.workflow;

import io.pgenrm.domain.Persona;
import java.util.Collection;

/** Durable users, personas and prototypes, so functions in other processes (Lambdas) see the same population. */
public interface PopulationStore {
    void save(Population population, Collection<Persona> personas);

    Population load();

    /** Grows with every save, so a process holding a loaded population can tell that a newer one was saved. */
    long version();
}
