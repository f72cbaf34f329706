package io.pgenrm.functions;

import io.pgenrm.api.BuildPopulationRequest;
import io.pgenrm.api.FittedPrototypes;
import io.pgenrm.api.PopulationBatch;
import io.pgenrm.api.PopulationBatchRequest;
import io.pgenrm.api.PopulationBuildRequest;
import io.pgenrm.api.PopulationPlan;
import io.pgenrm.api.PopulationSummary;
import io.pgenrm.api.RegisterHistoryRowRequest;
import io.pgenrm.api.RegisteredRow;
import io.pgenrm.batch.BenchmarkDataset;
import io.pgenrm.batch.BenchmarkRow;
import io.pgenrm.judge.Judge;
import io.pgenrm.runtime.CurrentPopulation;
import io.pgenrm.runtime.PgenrmConfig;
import io.pgenrm.runtime.RequestBodies;
import io.pgenrm.workflow.EvaluationSteps;
import io.pgenrm.workflow.HistoryStore;
import io.pgenrm.workflow.PopulationBuild;
import io.pgenrm.workflow.PopulationBuildStore;
import io.quarkus.funqy.Funq;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Funqy adapters for a batch's population on Step Functions: every train row is registered as history by its own
 * invocation; then build-population.asl.json opens a build (startPopulation), induces personas batch by batch in a
 * Distributed Map (inducePersonas), fits the prototypes in one step (fitPrototypes), places the users batch by batch
 * (assignPrototypes) and serves the result (publishPopulation). buildPopulation runs the same steps in one process.
 */
@ApplicationScoped
public class PopulationFunctions {
    @Inject
    HistoryStore history;

    @Inject
    PopulationBuildStore builds;

    @Inject
    CurrentPopulation population;

    @Inject
    EvaluationSteps steps;

    @Inject
    Judge judge;

    @Inject
    PgenrmConfig config;

    @Funq
    public RegisteredRow registerHistoryRow(RegisterHistoryRowRequest request) {
        RequestBodies.require(request);
        BenchmarkRow row = request.row();
        String itemId = BenchmarkDataset.itemId(request.index(), row);
        if (!"train".equals(row.split())) {
            return new RegisteredRow(itemId, false, false);
        }
        RequestBodies.validRow(row);
        boolean stored = history.add(request.runId(), itemId, request.index(), row.userId(), row.pair());
        return new RegisteredRow(itemId, true, stored);
    }

    @Funq
    public PopulationPlan startPopulation(BuildPopulationRequest request) {
        RequestBodies.require(request);
        return withBuild(build -> build.start(request.runId(), request.prototypes()));
    }

    @Funq
    public PopulationBatch inducePersonas(PopulationBatchRequest request) {
        RequestBodies.require(request);
        return withBuild(build -> build.inducePersonas(request.buildId(), request.batch()));
    }

    @Funq
    public FittedPrototypes fitPrototypes(PopulationBuildRequest request) {
        RequestBodies.require(request);
        return withBuild(build -> build.fitPrototypes(request.buildId()));
    }

    @Funq
    public PopulationBatch assignPrototypes(PopulationBatchRequest request) {
        RequestBodies.require(request);
        return withBuild(build -> build.assignPrototypes(request.buildId(), request.batch()));
    }

    /** Serves the build; this process reloads at once, others when they next check the population's version. */
    @Funq
    public PopulationSummary publishPopulation(PopulationBuildRequest request) {
        RequestBodies.require(request);
        PopulationSummary summary = withBuild(build -> build.publish(request.buildId()));
        population.refresh();
        return summary;
    }

    /** Every step of build-population.asl.json in this one invocation, batch after batch. */
    @Funq
    public PopulationSummary buildPopulation(BuildPopulationRequest request) {
        RequestBodies.require(request);
        PopulationSummary summary = withBuild(build -> build.buildAll(request.runId(), request.prototypes()));
        population.refresh();
        return summary;
    }

    /** Each call gets its own pool: personas of a batch are induced at most pgenrm.max-in-flight at a time. */
    private <T> T withBuild(Function<PopulationBuild, T> step) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, config.maxInFlight()));
        try {
            return step.apply(new PopulationBuild(steps, judge.populationLearner().orElse(null), builds, pool));
        } finally {
            pool.shutdownNow();
        }
    }
}
