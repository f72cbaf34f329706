package io.pgenrm.workflow;

import io.pgenrm.domain.Persona;
import io.pgenrm.judge.Judged;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Process-local persona cache; bounded by the number of users times samples in a batch. */
public final class InMemoryPersonaCache implements PersonaCache {
    private final Map<String, Judged<Persona>> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<Judged<Persona>> find(String userId, String historyVersion, long seed) {
        return Optional.ofNullable(entries.get(key(userId, historyVersion, seed)));
    }

    @Override
    public void put(Judged<Persona> persona) {
        Persona p = persona.value();
        entries.put(key(p.userId(), p.historyVersion(), p.seed()), persona);
    }

    private static String key(String userId, String version, long seed) {
        return userId + '\u0000' + version + '\u0000' + seed;
    }
}
