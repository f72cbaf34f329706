package io.pgenrm.api;

import io.pgenrm.domain.CallCost;
import io.pgenrm.domain.Rubric;

/** Output of {@code generateRubric}. */
public record RubricResponse(Rubric rubric, CallCost cost) {
}
