package io.pgenrm.prototype;

import io.pgenrm.domain.UserHistory;

/** A similar user of the same prototype, with the history their Pro-M sample is judged from. */
public record Neighbour(String userId, double similarity, UserHistory history) {
}
