package io.pgenrm.app;

import io.pgenrm.api.EvaluateRequest;
import io.pgenrm.domain.EvaluationResult;
import io.pgenrm.runtime.CurrentPopulation;
import io.pgenrm.runtime.PgenrmConfig;
import io.pgenrm.runtime.RequestBodies;
import io.pgenrm.workflow.EvaluationSteps;
import io.pgenrm.workflow.EvaluationWorkflow;
import io.pgenrm.workflow.Population;
import io.pgenrm.workflow.PopulationStore;
import io.quarkus.funqy.Funq;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** {@code evaluate}: one whole evaluation (persona, prototypes, Ind-N and Pro-M samples, aggregation) over HTTP. */
@ApplicationScoped
public class EvaluateFunction {
    @Inject
    EvaluationSteps steps;

    @Inject
    CurrentPopulation population;

    @Inject
    PopulationStore populationStore;

    private final ExecutorService samplePool;

    @Inject
    public EvaluateFunction(PgenrmConfig config) {
        this.samplePool = Executors.newFixedThreadPool(config.maxInFlight());
    }

    @Funq
    public EvaluationResult evaluate(EvaluateRequest request) {
        RequestBodies.require(request);
        if (population.get() == Population.EMPTY) {
            population.replace(populationStore.load());
        }
        return new EvaluationWorkflow(steps, population, samplePool).evaluate(request);
    }

    void stop(@Observes ShutdownEvent event) {
        samplePool.shutdownNow();
    }
}
