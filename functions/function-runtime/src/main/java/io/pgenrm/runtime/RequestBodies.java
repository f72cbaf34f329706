package io.pgenrm.runtime;

import io.pgenrm.domain.InvalidInputException;

/** Edge check shared by every function: an absent body is a client error, never a NullPointerException. */
public final class RequestBodies {
    private RequestBodies() {
    }

    public static <T> T require(T body) {
        if (body == null) {
            throw new InvalidInputException("body", "a JSON object is required");
        }
        return body;
    }
}
