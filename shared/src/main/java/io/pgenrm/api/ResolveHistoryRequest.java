package io.pgenrm.api;

import io.pgenrm.domain.UserHistory;
import io.pgenrm.domain.Validation;

/**
 * Input of {@code resolveHistory}: the user of an evaluation and, optionally, their history. Given, it is stored and
 * used; omitted, the history the population holds for the user is (none for a new user).
 */
public record ResolveHistoryRequest(String userId, UserHistory history) {
    public ResolveHistoryRequest {
        Validation.require(userId != null && !userId.isBlank(), "userId", "must not be blank");
        // Before the comparison with history.userId, so an overlong id is named as such.
        Validation.require(userId.length() <= RequestLimits.ID_CHARS, "userId",
                "must be at most " + RequestLimits.ID_CHARS + " characters");
        Validation.require(history == null || history.userId().equals(userId), "history.userId",
                "must equal userId");
    }
}
