package io.pgenrm.functions;

import io.pgenrm.api.AggregateStoredScoresRequest;
import io.pgenrm.api.EvaluateRequest;
import io.pgenrm.api.HistoryRef;
import io.pgenrm.api.MatchStoredPrototypeRequest;
import io.pgenrm.api.PlanStoredSamplesRequest;
import io.pgenrm.api.PrepareItemRequest;
import io.pgenrm.api.PreparedItem;
import io.pgenrm.api.RecordItemRequest;
import io.pgenrm.api.RecordSampleFailureRequest;
import io.pgenrm.api.RecordedItem;
import io.pgenrm.api.ResolveHistoryRequest;
import io.pgenrm.api.StoredChains;
import io.pgenrm.api.StoredEvaluationRequest;
import io.pgenrm.api.StoredPrototypeMatch;
import io.pgenrm.api.StoredSamplePlan;
import io.pgenrm.batch.BenchmarkDataset;
import io.pgenrm.batch.BenchmarkItem;
import io.pgenrm.batch.ItemOutcome;
import io.pgenrm.batch.RunInfo;
import io.pgenrm.batch.RunStore;
import io.pgenrm.domain.EvaluationResult;
import io.pgenrm.judge.Judge;
import io.pgenrm.runtime.CurrentPopulation;
import io.pgenrm.runtime.RequestBodies;
import io.pgenrm.workflow.StoredEvaluationSteps;
import io.quarkus.funqy.Funq;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Funqy adapters over history resolution, prototype matching, sample planning, aggregation and batch item
 * bookkeeping. One deployable; each export becomes its own Lambda. They pass keys: histories, personas and chains
 * are loaded from and stored in the database ({@link StoredEvaluationSteps}).
 */
@ApplicationScoped
public class PrototypeAggregationFunctions {
    @Inject
    StoredEvaluationSteps steps;

    @Inject
    CurrentPopulation population;

    @Inject
    RunStore runs;

    @Inject
    Judge judge;

    @Funq
    public HistoryRef resolveHistory(ResolveHistoryRequest request) {
        return steps.resolveHistory(RequestBodies.require(request));
    }

    @Funq
    public StoredPrototypeMatch matchPrototype(MatchStoredPrototypeRequest request) {
        return steps.matchPrototype(RequestBodies.require(request));
    }

    @Funq
    public StoredSamplePlan planSamples(PlanStoredSamplesRequest request) {
        return steps.planSamples(RequestBodies.require(request));
    }

    @Funq
    public StoredChains recordSampleFailure(RecordSampleFailureRequest request) {
        return steps.recordSampleFailure(RequestBodies.require(request));
    }

    @Funq
    public EvaluationResult aggregateScores(AggregateStoredScoresRequest request) {
        return steps.aggregateScores(RequestBodies.require(request));
    }

    @Funq
    public EvaluationResult storedEvaluation(StoredEvaluationRequest request) {
        return steps.storedEvaluation(RequestBodies.require(request).evaluationId());
    }

    /** The evaluation to run for a test row, without the history: the evaluate machine resolves it by user. */
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
        return new PreparedItem(itemId, false, new EvaluateRequest(bare.requestId(), bare.userId(), null,
                bare.scenario(), bare.scaling()), item.expectedChoice());
    }

    /** Records an item's result (read whole, with its chains, from the evaluation it names) or its error. */
    @Funq
    public RecordedItem recordBenchmarkItem(RecordItemRequest request) {
        RequestBodies.require(request);
        runs.openRun(new RunInfo(request.runId(), "step-functions", judge.name(), request.scaling()));
        EvaluationResult result = request.evaluationId() != null ? steps.storedEvaluation(request.evaluationId())
                : null;
        String userId = result != null ? result.userId() : request.userId() == null ? "" : request.userId();
        int historySize = population.find(userId).map(h -> h.pairs().size()).orElse(0);
        ItemOutcome outcome = result != null
                ? ItemOutcome.of(request.runId(), request.itemId(), userId, request.expectedChoice(), historySize,
                        result)
                : ItemOutcome.failed(request.runId(), request.itemId(), userId, historySize,
                        request.error().Error() + ": " + request.error().Cause());
        boolean stored = runs.recordItem(outcome, result);
        return new RecordedItem(outcome.itemId(), outcome.status().name(), outcome.reason(), stored);
    }
}
