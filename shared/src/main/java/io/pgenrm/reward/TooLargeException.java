package io.pgenrm.reward;

import io.pgenrm.domain.InvalidInputException;

/** A request over one of the server's size caps; answered with 413, naming the field that is too large. */
public class TooLargeException extends InvalidInputException {
    public TooLargeException(String field, String problem) {
        super(field, problem);
    }
}
