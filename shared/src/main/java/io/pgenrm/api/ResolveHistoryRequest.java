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
        Validation.require(history == null || history.userId().equals(userId), "history.userId",
                "must equal userId");
    }
}
