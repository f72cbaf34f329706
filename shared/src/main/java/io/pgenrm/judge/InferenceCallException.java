package io.pgenrm.judge;

/** The inference endpoint could not be reached or kept failing after retries. */
public class InferenceCallException extends RuntimeException {
    public InferenceCallException(String message, Throwable cause) {
        super(message, cause);
    }
}
