package io.pgenrm.api;

import io.pgenrm.domain.CallCost;
import io.pgenrm.domain.Rubric;
import java.util.List;

/** Output of {@code generateRubrics}: as many rubrics as the backend produced in one request (maybe none). */
public record RubricsResponse(List<Rubric> rubrics, CallCost cost) {
}
