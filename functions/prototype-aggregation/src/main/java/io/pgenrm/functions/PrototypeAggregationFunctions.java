package io.pgenrm.functions;

import io.pgenrm.api.AggregateScoresRequest;
import io.pgenrm.api.EvaluateRequest;
import io.pgenrm.api.MatchPrototypeRequest;
import io.pgenrm.api.PlanSamplesRequest;
import io.pgenrm.api.PrepareItemRequest;
import io.pgenrm.api.PreparedItem;
import io.pgenrm.api.RecordItemRequest;
import io.pgenrm.api.RecordedItem;
import io.pgenrm.api.SamplePlan;
import io.pgenrm.bench.BenchmarkDataset;
import io.pgenrm.bench.BenchmarkItem;
import io.pgenrm.bench.ItemOutcome;
import io.pgenrm.bench.RunInfo;
import io.pgenrm.bench.RunStore;
import io.pgenrm.domain.EvaluationResult;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.judge.Judge;
import io.pgenrm.prototype.PrototypeMatch;
import io.pgenrm.runtime.CurrentPopulation;
import io.pgenrm.runtime.RequestBodies;
import io.pgenrm.workflow.EvaluationSteps;
import io.quarkus.funqy.Funq;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Funqy adapters over prototype matching, sample planning, aggregation and batch item bookkeeping. One deployable;
 * each export becomes its own Lambda. The population comes from {@link CurrentPopulation}.
 */
@ApplicationScoped
public class PrototypeAggregationFunctions {
    @Inject
    EvaluationSteps steps;

    @Inject
    CurrentPopulation population;

    @Inject
    RunStore runs;

    @Inject
    Judge judge;

    @Funq
    public PrototypeMatch matchPrototype(MatchPrototypeRequest request) {
        RequestBodies.require(request);
        return steps.matchPrototype(request);
    }

    @Funq
    public SamplePlan planSamples(PlanSamplesRequest request) {
        return steps.planSamples(RequestBodies.require(request));
    }

    @Funq
    public EvaluationResult aggregateScores(AggregateScoresRequest request) {
        return steps.aggregateScores(RequestBodies.require(request));
    }

    @Funq
    public PreparedItem prepareBenchmarkItem(PrepareItemRequest request) {
        RequestBodies.require(request);
        RequestBodies.validRow(request.row());
        String itemId = BenchmarkDataset.itemId(request.index(), request.row());
        if ("train".equals(request.row().split())) {
            return new PreparedItem(itemId, true, null, -1);
        }
        BenchmarkItem item = new BenchmarkItem(itemId, request.row().userId(), 0, request.row().context(),
                request.row().chosen().content(), request.row().rejected().content());
        EvaluateRequest bare = item.toRequest(request.scaling());
        UserHistory history = population.find(item.userId()).orElse(UserHistory.empty(item.userId()));
        return new PreparedItem(itemId, false, new EvaluateRequest(bare.requestId(), bare.userId(), history,
                bare.scenario(), bare.scaling()), item.expectedChoice());
    }

    @Funq
    public RecordedItem recordBenchmarkItem(RecordItemRequest request) {
        RequestBodies.require(request);
        runs.openRun(new RunInfo(request.runId(), "step-functions", judge.name(), request.scaling()));
        String userId = request.result() != null ? request.result().userId()
                : request.userId() == null ? "" : request.userId();
        int historySize = population.find(userId).map(h -> h.pairs().size()).orElse(0);
        ItemOutcome outcome = request.result() != null
                ? ItemOutcome.of(request.runId(), request.itemId(), userId, request.expectedChoice(), historySize,
                        request.result())
                : ItemOutcome.failed(request.runId(), request.itemId(), userId, historySize,
                        request.error().Error() + ": " + request.error().Cause());
        boolean stored = runs.recordItem(outcome, request.result());
        return new RecordedItem(outcome.itemId(), outcome.status().name(), outcome.reason(), stored);
    }
}
