package io.pgenrm.workflow;

import io.pgenrm.domain.Persona;
import io.pgenrm.judge.Judged;
import java.util.Optional;

/** Personas by user, history version and seed, with what inducing them cost (to report the calls a hit saves). */
public interface PersonaCache {
    Optional<Judged<Persona>> find(String userId, String historyVersion, long seed);

    void put(Judged<Persona> persona);
}
