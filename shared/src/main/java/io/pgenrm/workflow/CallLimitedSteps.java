package io.pgenrm.workflow;

import io.pgenrm.api.AggregateScoresRequest;
import io.pgenrm.api.ChainsResponse;
import io.pgenrm.api.GenerateRubricRequest;
import io.pgenrm.api.GenerateRubricsRequest;
import io.pgenrm.api.InducePersonaRequest;
import io.pgenrm.api.MatchPrototypeRequest;
import io.pgenrm.api.PersonaResponse;
import io.pgenrm.api.PlanSamplesRequest;
import io.pgenrm.api.RubricResponse;
import io.pgenrm.api.RubricsResponse;
import io.pgenrm.api.SamplePlan;
import io.pgenrm.api.ScoreSampleRequest;
import io.pgenrm.domain.EvaluationChain;
import io.pgenrm.domain.EvaluationResult;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.judge.InferenceCallException;
import io.pgenrm.local.PopulationRewardModel;
import io.pgenrm.prototype.PrototypeMatch;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * The steps with at most {@code maxInFlight} judge calls (persona, rubric, scoring) running at once, however many
 * evaluations run side by side. A pool of sample threads alone does not bound them: each evaluation also calls the
 * judge from its own thread (its persona, its own samples' shared request). Permits go first come, first served; a
 * call interrupted while it waits (its evaluation's deadline passed) fails as a call failure.
 */
public final class CallLimitedSteps implements EvaluationSteps {
    private final EvaluationSteps steps;
    private final Semaphore permits;

    public CallLimitedSteps(EvaluationSteps steps, int maxInFlight) {
        this.steps = steps;
        this.permits = new Semaphore(maxInFlight, true);
    }

    private <T> T limited(Supplier<T> call) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InferenceCallException("interrupted while waiting for a free inference slot", e);
        }
        try {
            return call.get();
        } finally {
            permits.release();
        }
    }

    @Override
    public PersonaResponse inducePersona(InducePersonaRequest request) {
        return limited(() -> steps.inducePersona(request));
    }

    @Override
    public PrototypeMatch matchPrototype(MatchPrototypeRequest request) {
        return steps.matchPrototype(request);
    }

    @Override
    public SamplePlan planSamples(PlanSamplesRequest request) {
        return steps.planSamples(request);
    }

    @Override
    public RubricResponse generateRubric(GenerateRubricRequest request) {
        return limited(() -> steps.generateRubric(request));
    }

    @Override
    public RubricsResponse generateRubrics(GenerateRubricsRequest request) {
        return limited(() -> steps.generateRubrics(request));
    }

    @Override
    public EvaluationChain scoreSample(ScoreSampleRequest request) {
        return limited(() -> steps.scoreSample(request));
    }

    @Override
    public ChainsResponse scoreSamples(List<ScoreSampleRequest> samples) {
        return limited(() -> steps.scoreSamples(samples));
    }

    @Override
    public EvaluationResult aggregateScores(AggregateScoresRequest request) {
        return steps.aggregateScores(request);
    }

    @Override
    public Optional<PopulationRewardModel> learnPopulation(List<UserHistory> histories,
            PopulationRewardModel.Provenance provenance) {
        return steps.learnPopulation(histories, provenance);
    }
}
