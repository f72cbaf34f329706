package io.pgenrm.api;

import io.pgenrm.domain.Validation;

/** Input of {@code inducePersona} on Step Functions: the stored history to induce from, and the sample seed. */
public record InduceStoredPersonaRequest(String userId, String historyVersion, long seed) {
    public InduceStoredPersonaRequest {
        Validation.require(userId != null && !userId.isBlank(), "userId", "must not be blank");
        Validation.require(historyVersion != null && !historyVersion.isBlank(), "historyVersion", "must not be blank");
    }
}
