package io.pgenrm.api;

import io.pgenrm.domain.UserHistory;

/**
 * A stored history: whose, and the content version it is stored under ({@link UserHistory#version()}), so a step in
 * another process loads exactly the history the evaluation started with. {@code pairs} is its size, for reports.
 */
public record HistoryRef(String userId, String version, int pairs) {
    public static HistoryRef of(UserHistory history) {
        return new HistoryRef(history.userId(), history.version(), history.pairs().size());
    }
}
