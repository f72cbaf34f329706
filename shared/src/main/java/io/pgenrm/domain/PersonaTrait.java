package io.pgenrm.domain;

import java.util.List;

/** One inferred preference, e.g. dimension STYLE "prefers short answers", with the evidence behind it. */
public record PersonaTrait(Dimension dimension, String statement, double strength, List<String> evidence) {
    public enum Dimension { STYLE, CONTENT_AND_STRUCTURE, CORE_VALUES }

    public PersonaTrait {
        Validation.require(dimension != null, "dimension", "is required");
        Validation.require(statement != null && !statement.isBlank(), "statement", "must not be blank");
        evidence = Validation.copyOrEmpty(evidence, "evidence");
    }
}
