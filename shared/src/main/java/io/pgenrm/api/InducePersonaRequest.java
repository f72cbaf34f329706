package io.pgenrm.api;

import io.pgenrm.domain.UserHistory;
import io.pgenrm.domain.Validation;

/** Input of {@code inducePersona}: the user's preference signals and the sample seed. */
public record InducePersonaRequest(UserHistory history, long seed) {
    public InducePersonaRequest {
        Validation.require(history != null, "history", "is required (use an empty pairs list for a new user)");
    }
}
