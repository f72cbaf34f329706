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
import io.pgenrm.domain.CallCost;
import io.pgenrm.domain.ChainStatus;
import io.pgenrm.domain.EvaluationChain;
import io.pgenrm.domain.EvaluationResult;
import io.pgenrm.domain.Persona;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.judge.InferenceCallException;
import io.pgenrm.judge.Judge;
import io.pgenrm.judge.JudgeOutputException;
import io.pgenrm.judge.Judged;
import io.pgenrm.judge.SampleRequest;
import io.pgenrm.judge.ScoredSample;
import io.pgenrm.local.PopulationRewardModel;
import io.pgenrm.local.TextEmbedder;
import io.pgenrm.prototype.AnalysisEmbedding;
import io.pgenrm.prototype.Neighbour;
import io.pgenrm.prototype.PersonaEmbedding;
import io.pgenrm.prototype.ProMMode;
import io.pgenrm.prototype.PrototypeIndex;
import io.pgenrm.prototype.PrototypeMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The steps computed in this process over a {@link Judge}. Function adapters and the in-process workflow both
 * call this; unusable judge output is resampled a bounded number of times, then reported as a failed sample.
 */
public final class DirectEvaluationSteps implements EvaluationSteps {
    private static final long RESAMPLE_STRIDE = 0x9E3779B97F4A7C15L;

    private final Judge judge;
    private final PersonaCache personas;
    private final PrototypeCatalog prototypes;
    private final UserDirectory users;
    private final int maxResamples;
    private final TextEmbedder analysisEmbedder;

    public DirectEvaluationSteps(Judge judge, PersonaCache personas, PrototypeCatalog prototypes,
            UserDirectory users, int maxResamples) {
        this(judge, personas, prototypes, users, maxResamples, null);
    }

    /** @param analysisEmbedder embeds chain analyses, to match them against prototypes built for paper Pro-M */
    public DirectEvaluationSteps(Judge judge, PersonaCache personas, PrototypeCatalog prototypes,
            UserDirectory users, int maxResamples, TextEmbedder analysisEmbedder) {
        this.judge = judge;
        this.personas = personas;
        this.prototypes = prototypes;
        this.users = users;
        this.maxResamples = maxResamples;
        this.analysisEmbedder = analysisEmbedder;
    }

    public Judge judge() {
        return judge;
    }

    @Override
    public Optional<PopulationRewardModel> learnPopulation(List<UserHistory> histories,
            PopulationRewardModel.Provenance provenance) {
        return judge.populationLearner().map(learner -> learner.learnPopulation(histories, provenance));
    }

    @Override
    public PersonaResponse inducePersona(InducePersonaRequest request) {
        UserHistory history = request.history();
        long seed = judge.personaVariesBySeed() ? request.seed() : 0;
        Optional<Judged<Persona>> cached = personas.find(history.userId(), history.version(), seed);
        if (cached.isPresent()) {
            return new PersonaResponse(cached.get().value(), CallCost.NONE.withCachedCalls(cached.get().cost().calls()));
        }
        Judged<Persona> induced = withResamples(attempt -> judge.inducePersona(history, seed));
        personas.put(induced);
        return new PersonaResponse(induced.value(), induced.cost());
    }

    @Override
    public PrototypeMatch matchPrototype(MatchPrototypeRequest request) {
        if (request.neighbours() == 0) {
            return PrototypeMatch.none();
        }
        PrototypeIndex index = prototypes.index();
        double[] embedding = request.persona() == null ? new double[0]
                : index.mode() == ProMMode.PAPER ? analysisVector(request.persona())
                : PersonaEmbedding.of(request.persona());
        PrototypeIndex.Ranked ranked = index.match(request.userId(),
                embedding.length == 0 ? new double[dimensionsOf(index)] : embedding, request.neighbours());
        List<Neighbour> neighbours = new ArrayList<>();
        for (PrototypeIndex.Ranked.Member member : ranked.members()) {
            users.find(member.userId())
                    .ifPresent(history -> neighbours.add(new Neighbour(member.userId(), member.similarity(), history)));
        }
        return new PrototypeMatch(ranked.prototypeId(), ranked.similarity(), neighbours);
    }

    /** Paper Pro-M places the user by the analysis their own chain wrote for the item; none places nobody. */
    private double[] analysisVector(Persona persona) {
        if (analysisEmbedder == null) {
            throw new IllegalStateException("these prototypes cluster chain analyses (paper Pro-M), and this process "
                    + "has no embedder to place an analysis among them");
        }
        return AnalysisEmbedding.of(analysisEmbedder, persona.analysis());
    }

    @Override
    public ProMMode proM() {
        return prototypes.index().mode();
    }

    @Override
    public SamplePlan planSamples(PlanSamplesRequest request) {
        return SamplePlanner.plan(request.request(), request.match(), judge.personaVariesBySeed(),
                judge.needsRubricStep());
    }

    @Override
    public RubricResponse generateRubric(GenerateRubricRequest request) {
        Judged<io.pgenrm.domain.Rubric> rubric = withResamples(
                attempt -> judge.generateRubric(request.persona(), request.scenario(), resampled(request.seed(), attempt)));
        return new RubricResponse(rubric.value(), rubric.cost());
    }

    @Override
    public RubricsResponse generateRubrics(GenerateRubricsRequest request) {
        Judged<List<io.pgenrm.domain.Rubric>> rubrics = judge.generateRubrics(request.persona(), request.scenario(),
                request.seed(), request.count());
        return new RubricsResponse(rubrics.value(), rubrics.cost());
    }

    @Override
    public EvaluationChain scoreSample(ScoreSampleRequest request) {
        CallCost spent = CallCost.NONE;
        String lastOutput = "";
        String lastReason = "";
        for (int attempt = 0; attempt <= maxResamples; attempt++) {
            long seed = resampled(request.seed(), attempt);
            CallCost asked = attempt == 0 ? CallCost.NONE : CallCost.resamples(1);
            try {
                Judged<ScoredSample> scored = judge.scoreSample(sampleRequest(request, seed));
                return chain(request, seed, scored, spent.plus(asked).plus(scored.cost()));
            } catch (JudgeOutputException e) {
                spent = spent.plus(asked).plus(e.cost());
                lastOutput = e.rawOutput();
                lastReason = e.getMessage();
            } catch (InferenceCallException e) {
                throw e.plusCost(spent.plus(asked));
            }
        }
        return new EvaluationChain(request.source(), request.persona().userId(), request.sampleIndex(), request.seed(),
                request.persona(), request.rubric(), List.of(), ChainStatus.PARSE_FAILURE,
                "unusable judge output after " + (maxResamples + 1) + " attempts: " + lastReason, lastOutput, spent);
    }

    @Override
    public ChainsResponse scoreSamples(List<ScoreSampleRequest> samples) {
        ScoreSampleRequest first = samples.get(0);
        Judged<List<Judged<ScoredSample>>> scored = judge.scoreSamples(sampleRequest(first, first.seed()),
                samples.size());
        List<EvaluationChain> chains = new ArrayList<>();
        for (int i = 0; i < scored.value().size() && i < samples.size(); i++) {
            chains.add(chain(samples.get(i), samples.get(i).seed(), scored.value().get(i), CallCost.NONE));
        }
        return new ChainsResponse(chains, scored.cost());
    }

    private static SampleRequest sampleRequest(ScoreSampleRequest request, long seed) {
        return new SampleRequest(request.persona(), request.history(), request.rubric(), request.scenario(),
                request.sampleIndex(), seed, request.itemSeed(), request.reversedOrder());
    }

    /** A scored sample as a chain; when the judge wrote its own analysis, that analysis is the chain's persona. */
    private static EvaluationChain chain(ScoreSampleRequest request, long seed, Judged<ScoredSample> scored,
            CallCost cost) {
        ScoredSample sample = scored.value();
        Persona given = request.persona();
        Persona persona = sample.analysis().isBlank() ? given
                : new Persona(given.userId(), given.historyVersion(), seed, sample.analysis(), List.of(), Map.of());
        return new EvaluationChain(request.source(), given.userId(), request.sampleIndex(), seed, persona,
                sample.rubric(), sample.scores(), ChainStatus.OK, null, scored.rawOutput(), cost);
    }

    @Override
    public EvaluationResult aggregateScores(AggregateScoresRequest request) {
        return ScoreAggregator.aggregate(request);
    }

    /**
     * Runs a step until its output is usable; the unusable attempts' cost, and each resample, is added to the
     * result or the failure.
     */
    private <T> Judged<T> withResamples(java.util.function.IntFunction<Judged<T>> step) {
        JudgeOutputException last = null;
        CallCost wasted = CallCost.NONE;
        for (int attempt = 0; attempt <= maxResamples; attempt++) {
            if (attempt > 0) {
                wasted = wasted.plus(CallCost.resamples(1));
            }
            try {
                Judged<T> judged = step.apply(attempt);
                return new Judged<>(judged.value(), wasted.plus(judged.cost()), judged.rawOutput());
            } catch (JudgeOutputException e) {
                last = e;
                wasted = wasted.plus(e.cost());
            } catch (InferenceCallException e) {
                throw e.plusCost(wasted);
            }
        }
        throw last.withCost(wasted);
    }

    private static long resampled(long seed, int attempt) {
        return attempt == 0 ? seed : seed + attempt * RESAMPLE_STRIDE;
    }

    private static int dimensionsOf(PrototypeIndex index) {
        return index.prototypes().isEmpty() ? 1 : index.prototypes().get(0).centroid().length;
    }
}
