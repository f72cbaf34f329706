package io.pgenrm.domain;

/** A request or data row that cannot be evaluated; {@link #field()} names the offending field. */
public class InvalidInputException extends IllegalArgumentException {
    private final String field;
    private final String problem;

    public InvalidInputException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    /** What is wrong, without the field's name. */
    public String problem() {
        return problem;
    }

    /** The same problem, its field named from {@code parent} (a record's own checks name fields relative to it). */
    public InvalidInputException within(String parent) {
        InvalidInputException located = new InvalidInputException(parent.isEmpty() ? field : parent + "." + field,
                problem);
        located.setStackTrace(getStackTrace());
        return located;
    }
}
