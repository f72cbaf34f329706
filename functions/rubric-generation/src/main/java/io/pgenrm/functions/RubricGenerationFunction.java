package io.pgenrm.functions;

import io.pgenrm.api.GenerateStoredRubricRequest;
import io.pgenrm.api.RubricResponse;
import io.pgenrm.runtime.RequestBodies;
import io.pgenrm.workflow.StoredEvaluationSteps;
import io.quarkus.funqy.Funq;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Funqy adapter: {@code generateRubric} as its own Lambda, or over HTTP in the local app; the persona is loaded by key. */
@ApplicationScoped
public class RubricGenerationFunction {
    @Inject
    StoredEvaluationSteps steps;

    @Funq
    public RubricResponse generateRubric(GenerateStoredRubricRequest request) {
        return steps.generateRubric(RequestBodies.require(request));
    }
}
