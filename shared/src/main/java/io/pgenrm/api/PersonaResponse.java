package io.pgenrm.api;

import io.pgenrm.domain.CallCost;
import io.pgenrm.domain.Persona;

/** Output of {@code inducePersona}. */
public record PersonaResponse(Persona persona, CallCost cost) {
}
