package io.pgenrm.api;

import io.pgenrm.domain.Validation;

/** Input of {@code matchPrototype} on Step Functions: the user's stored persona and how many neighbours to find. */
public record MatchStoredPrototypeRequest(String userId, PersonaRef persona, int neighbours) {
    public MatchStoredPrototypeRequest {
        Validation.require(userId != null && !userId.isBlank(), "userId", "must not be blank");
        Validation.require(neighbours >= 0 && neighbours <= 64, "neighbours", "must be between 0 and 64");
    }
}
