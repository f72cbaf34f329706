package io.pgenrm.api;

import io.pgenrm.domain.Persona;
import io.pgenrm.domain.Validation;

/** Input of {@code matchPrototype}: find the user's prototype and its {@code neighbours} most similar members. */
public record MatchPrototypeRequest(String userId, Persona persona, int neighbours) {
    public MatchPrototypeRequest {
        Validation.require(userId != null && !userId.isBlank(), "userId", "must not be blank");
        Validation.require(neighbours >= 0 && neighbours <= 64, "neighbours", "must be between 0 and 64");
    }
}
