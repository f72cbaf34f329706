package io.pgenrm.domain;

/** A request or data row that cannot be evaluated; {@link #field()} names the offending field. */
public class InvalidInputException extends IllegalArgumentException {
    private final String field;

    public InvalidInputException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
