package io.pgenrm.reward;

import io.pgenrm.domain.CallCost;

/**
 * One evaluation of a request: a group of responses to one prompt for one user, judged together.
 * {@code referencePadded}: a lone response was judged beside an empty reference answer (the judge compares
 * candidates). {@code cached}: served from the cache ({@code cost} then holds only cached calls).
 */
public record GroupOutcome(String evaluationId, String userId, boolean coldStart, String plan, int responses,
        boolean referencePadded, boolean tie, boolean cached, int parseFailures, int callFailures, CallCost cost,
        String error) {
}
