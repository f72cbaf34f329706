package io.pgenrm.functions;

import io.pgenrm.api.InduceStoredPersonaRequest;
import io.pgenrm.api.StoredPersona;
import io.pgenrm.runtime.RequestBodies;
import io.pgenrm.workflow.StoredEvaluationSteps;
import io.quarkus.funqy.Funq;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Funqy adapter: {@code inducePersona} as its own Lambda, or over HTTP in the local app. It loads the history by
 * user and version and stores the persona, so neither passes through the state machine.
 */
@ApplicationScoped
public class PersonaInductionFunction {
    @Inject
    StoredEvaluationSteps steps;

    @Funq
    public StoredPersona inducePersona(InduceStoredPersonaRequest request) {
        return steps.inducePersona(RequestBodies.require(request));
    }
}
