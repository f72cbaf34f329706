package io.pgenrm.domain;

/** A scoring criterion with its weight in percent of the total. */
public record Criterion(String name, String description, double weight) {
    public Criterion {
        Validation.require(name != null && !name.isBlank(), "name", "must not be blank");
        description = description == null ? "" : description;
        Validation.require(Double.isFinite(weight) && weight >= 0, "weight", "must be a non-negative number");
    }
}
