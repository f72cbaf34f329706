package io.pgenrm.judge;

import io.pgenrm.domain.CallCost;

/**
 * The inference endpoint could not be reached or kept failing after retries. Carries what the failed attempts cost
 * and how they failed, so the retries, 5xx, 429s and timeouts behind a call failure are still counted.
 */
public class InferenceCallException extends RuntimeException {
    private final CallCost cost;

    public InferenceCallException(String message, Throwable cause) {
        this(message, cause, CallCost.NONE);
    }

    public InferenceCallException(String message, Throwable cause, CallCost cost) {
        super(message, cause);
        this.cost = cost;
    }

    public CallCost cost() {
        return cost;
    }

    /** The same failure with {@code spent} added, e.g. the unusable outputs that came before it. */
    public InferenceCallException plusCost(CallCost spent) {
        InferenceCallException priced = new InferenceCallException(getMessage(), getCause(), cost.plus(spent));
        priced.setStackTrace(getStackTrace());
        return priced;
    }
}
