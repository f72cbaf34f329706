package io.pgenrm.api;

import io.pgenrm.domain.Persona;
import io.pgenrm.domain.Validation;

/** A stored persona: whose, induced from which history version, with which seed. */
public record PersonaRef(String userId, String historyVersion, long seed) {
    public PersonaRef {
        Validation.require(userId != null && !userId.isBlank(), "userId", "must not be blank");
        Validation.require(historyVersion != null && !historyVersion.isBlank(), "historyVersion",
                "must not be blank");
    }

    public static PersonaRef of(Persona persona) {
        return new PersonaRef(persona.userId(), persona.historyVersion(), persona.seed());
    }
}
