package io.pgenrm.api;

import io.pgenrm.domain.CallCost;

/** Output of {@code inducePersona} on Step Functions: where the persona is stored, and what inducing it cost. */
public record StoredPersona(PersonaRef persona, CallCost cost) {
}
