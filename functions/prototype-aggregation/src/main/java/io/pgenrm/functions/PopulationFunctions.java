package io.pgenrm.functions;

import io.pgenrm.api.BuildPopulationRequest;
import io.pgenrm.api.PopulationSummary;
import io.pgenrm.api.RegisterHistoryRowRequest;
import io.pgenrm.api.RegisteredRow;
import io.pgenrm.bench.BenchmarkDataset;
import io.pgenrm.bench.BenchmarkRow;
import io.pgenrm.runtime.CurrentPopulation;
import io.pgenrm.runtime.PgenrmConfig;
import io.pgenrm.runtime.RequestBodies;
import io.pgenrm.workflow.EvaluationSteps;
import io.pgenrm.workflow.HistoryStore;
import io.pgenrm.workflow.PopulationBuilder;
import io.pgenrm.workflow.PopulationFromHistory;
import io.pgenrm.workflow.PopulationStore;
import io.quarkus.funqy.Funq;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Funqy adapters for a batch's population pass on Step Functions: every train row is registered as history by its
 * own invocation, then one invocation builds the users' personas and prototypes from them and saves the population
 * that the evaluation steps read.
 */
@ApplicationScoped
public class PopulationFunctions {
    private static final Logger LOG = Logger.getLogger(PopulationFunctions.class);

    @Inject
    HistoryStore history;

    @Inject
    PopulationStore populationStore;

    @Inject
    CurrentPopulation population;

    @Inject
    EvaluationSteps steps;

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
    public PopulationSummary buildPopulation(BuildPopulationRequest request) {
        RequestBodies.require(request);
        PopulationBuilder.Built built = new PopulationFromHistory(history, populationStore, steps, config.maxInFlight())
                .build(request.runId(), request.prototypes());
        population.replace(built.population());
        for (PopulationBuilder.Failure failure : built.failures()) {
            LOG.warnf("run %s: no persona for user %s, left out of the prototypes: %s", request.runId(),
                    failure.userId(), failure.reason());
        }
        int pairs = built.population().users().values().stream().mapToInt(h -> h.pairs().size()).sum();
        return new PopulationSummary(built.population().users().size(), pairs, built.personas().size(),
                built.population().prototypes().prototypes().size(), built.failures().size(), built.cost());
    }
}
