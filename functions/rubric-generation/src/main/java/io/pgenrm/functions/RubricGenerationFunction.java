package io.pgenrm.functions;

import io.pgenrm.api.GenerateRubricRequest;
import io.pgenrm.api.RubricResponse;
import io.pgenrm.runtime.RequestBodies;
import io.pgenrm.workflow.EvaluationSteps;
import io.quarkus.funqy.Funq;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Funqy adapter: {@code generateRubric} as its own Lambda, or over HTTP in the local app. */
@ApplicationScoped
public class RubricGenerationFunction {
    @Inject
    EvaluationSteps steps;

    @Funq
    public RubricResponse generateRubric(GenerateRubricRequest request) {
        return steps.generateRubric(RequestBodies.require(request));
    }
}
