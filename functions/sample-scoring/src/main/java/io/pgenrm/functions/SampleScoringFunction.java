package io.pgenrm.functions;

import io.pgenrm.api.ScoreSampleRequest;
import io.pgenrm.domain.EvaluationChain;
import io.pgenrm.runtime.RequestBodies;
import io.pgenrm.workflow.EvaluationSteps;
import io.quarkus.funqy.Funq;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Funqy adapter: {@code scoreSample} as its own Lambda, or over HTTP in the local app. */
@ApplicationScoped
public class SampleScoringFunction {
    @Inject
    EvaluationSteps steps;

    @Funq
    public EvaluationChain scoreSample(ScoreSampleRequest request) {
        return steps.scoreSample(RequestBodies.require(request));
    }
}
