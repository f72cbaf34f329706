package io.pgenrm.functions;

import io.pgenrm.api.InducePersonaRequest;
import io.pgenrm.api.PersonaResponse;
import io.pgenrm.runtime.RequestBodies;
import io.pgenrm.workflow.EvaluationSteps;
import io.quarkus.funqy.Funq;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Funqy adapter: {@code inducePersona} as its own Lambda, or over HTTP in the local app. */
@ApplicationScoped
public class PersonaInductionFunction {
    @Inject
    EvaluationSteps steps;

    @Funq
    public PersonaResponse inducePersona(InducePersonaRequest request) {
        return steps.inducePersona(RequestBodies.require(request));
    }
}
