package io.pgenrm.functions;

import io.pgenrm.api.ScoreStoredSamplesRequest;
import io.pgenrm.api.StoredChains;
import io.pgenrm.runtime.RequestBodies;
import io.pgenrm.workflow.StoredEvaluationSteps;
import io.quarkus.funqy.Funq;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Funqy adapter: {@code scoreSamples} as its own Lambda, or over HTTP in the local app. It scores one job's samples
 * (one request for several when they share a prompt) and stores their chains under the evaluation.
 */
@ApplicationScoped
public class SampleScoringFunction {
    @Inject
    StoredEvaluationSteps steps;

    @Funq
    public StoredChains scoreSamples(ScoreStoredSamplesRequest request) {
        return steps.scoreSamples(RequestBodies.require(request));
    }
}
