package io.pgenrm.app;

import io.pgenrm.api.EvaluateRequest;
import io.pgenrm.domain.EvaluationResult;
import io.pgenrm.runtime.CurrentPopulation;
import io.pgenrm.runtime.PgenrmConfig;
import io.pgenrm.runtime.RequestBodies;
import io.pgenrm.workflow.EvaluationSteps;
import io.pgenrm.workflow.EvaluationWorkflow;
import io.quarkus.funqy.Funq;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** {@code evaluate}: one whole evaluation (persona, prototypes, Ind-N and Pro-M samples, aggregation) over HTTP. */
@ApplicationScoped
public class EvaluateFunction {
    @Inject
    EvaluationSteps steps;

    @Inject
    CurrentPopulation population;

    private final ExecutorService samplePool;
    private final Duration deadline;

    @Inject
    public EvaluateFunction(PgenrmConfig config) {
        this.samplePool = Executors.newFixedThreadPool(config.maxInFlight());
        this.deadline = config.itemDeadline();
    }

    @Funq
    public EvaluationResult evaluate(EvaluateRequest request) {
        RequestBodies.require(request);
        return new EvaluationWorkflow(steps, population, samplePool, deadline).evaluate(request);
    }

    void stop(@Observes ShutdownEvent event) {
        samplePool.shutdownNow();
    }
}
