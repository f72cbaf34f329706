package io.pgenrm.workflow;

import io.pgenrm.api.AggregateScoresRequest;
import io.pgenrm.api.AggregateStoredScoresRequest;
import io.pgenrm.api.ChainsResponse;
import io.pgenrm.api.EvaluateRequest;
import io.pgenrm.api.GenerateRubricRequest;
import io.pgenrm.api.GenerateStoredRubricRequest;
import io.pgenrm.api.HistoryRef;
import io.pgenrm.api.InducePersonaRequest;
import io.pgenrm.api.InduceStoredPersonaRequest;
import io.pgenrm.api.MatchPrototypeRequest;
import io.pgenrm.api.MatchStoredPrototypeRequest;
import io.pgenrm.api.NeighbourRef;
import io.pgenrm.api.PersonaRef;
import io.pgenrm.api.PersonaResponse;
import io.pgenrm.api.PlanSamplesRequest;
import io.pgenrm.api.PlanStoredSamplesRequest;
import io.pgenrm.api.RecordSampleFailureRequest;
import io.pgenrm.api.ResolveHistoryRequest;
import io.pgenrm.api.RubricResponse;
import io.pgenrm.api.SampleJob;
import io.pgenrm.api.SampleSlot;
import io.pgenrm.api.SampleTask;
import io.pgenrm.api.ScoreSampleRequest;
import io.pgenrm.api.ScoreStoredSamplesRequest;
import io.pgenrm.api.StoredChains;
import io.pgenrm.api.StoredPersona;
import io.pgenrm.api.StoredPrototypeMatch;
import io.pgenrm.api.StoredSamplePlan;
import io.pgenrm.domain.CallCost;
import io.pgenrm.domain.ChainStatus;
import io.pgenrm.domain.EvaluationChain;
import io.pgenrm.domain.EvaluationResult;
import io.pgenrm.domain.InvalidInputException;
import io.pgenrm.domain.Persona;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.judge.InferenceCallException;
import io.pgenrm.prototype.Neighbour;
import io.pgenrm.prototype.PrototypeMatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluation steps as Step Functions runs them: each takes and returns keys (user, history version, persona
 * seed, evaluation id and sample slot) and loads or stores what they name in an {@link EvaluationArchive}, so no
 * history, persona or chain passes through the state. Each delegates the work itself to the same
 * {@link EvaluationSteps} the in-process workflow composes, so both compute the same evaluation.
 */
public final class StoredEvaluationSteps {
    private final EvaluationSteps steps;
    private final EvaluationArchive archive;
    private final UserDirectory users;

    public StoredEvaluationSteps(EvaluationSteps steps, EvaluationArchive archive, UserDirectory users) {
        this.steps = steps;
        this.archive = archive;
        this.users = users;
    }

    /** Stores the given history, or the population's for the user (an empty one for a new user), and names it. */
    public HistoryRef resolveHistory(ResolveHistoryRequest request) {
        UserHistory history = request.history() != null ? request.history()
                : users.find(request.userId()).orElse(UserHistory.empty(request.userId()));
        archive.putHistories(List.of(history));
        return HistoryRef.of(history);
    }

    public StoredPersona inducePersona(InduceStoredPersonaRequest request) {
        UserHistory history = history(request.userId(), request.historyVersion());
        PersonaResponse induced = steps.inducePersona(new InducePersonaRequest(history, request.seed()));
        archive.putPersona(induced.persona());
        return new StoredPersona(PersonaRef.of(induced.persona()), induced.cost());
    }

    /** Also stores each neighbour's history under its version, so the samples find it even if the population moves on. */
    public StoredPrototypeMatch matchPrototype(MatchStoredPrototypeRequest request) {
        Persona persona = request.persona() == null ? null : persona(request.persona());
        PrototypeMatch match = steps.matchPrototype(new MatchPrototypeRequest(request.userId(), persona,
                request.neighbours()));
        archive.putHistories(match.neighbours().stream().map(Neighbour::history).toList());
        return new StoredPrototypeMatch(match.prototypeId(), match.similarity(), match.neighbours().stream()
                .map(n -> new NeighbourRef(n.userId(), n.similarity(), n.history().version())).toList());
    }

    /**
     * The in-process plan, grouped into jobs by the request that scores them. The planner reads only whose history
     * each sample is judged from, never its content, so placeholders stand in for the stored histories here.
     */
    public StoredSamplePlan planSamples(PlanStoredSamplesRequest request) {
        EvaluateRequest given = request.request();
        Map<String, String> versions = new HashMap<>();
        versions.put(given.userId(), request.historyVersion());
        List<Neighbour> neighbours = new ArrayList<>();
        for (NeighbourRef n : request.neighbours()) {
            versions.put(n.userId(), n.historyVersion());
            neighbours.add(new Neighbour(n.userId(), n.similarity(), UserHistory.empty(n.userId())));
        }
        EvaluateRequest evaluation = new EvaluateRequest(given.requestId(), given.userId(),
                UserHistory.empty(given.userId()), given.scenario(), given.scaling());
        List<SampleTask> tasks = steps.planSamples(new PlanSamplesRequest(evaluation,
                new PrototypeMatch(PrototypeMatch.NONE, 0, neighbours))).tasks();
        List<SampleJob> jobs = new ArrayList<>();
        for (List<Integer> group : SamplePlanner.requestGroups(tasks)) {
            SampleTask first = tasks.get(group.get(0));
            String userId = first.history().userId();
            jobs.add(new SampleJob(first.source(), userId, versions.get(userId), first.personaSeed(),
                    first.rubricStep(), first.itemSeed(), first.reversedOrder(), group.stream()
                            .map(i -> new SampleSlot(i, tasks.get(i).sampleIndex(), tasks.get(i).seed())).toList()));
        }
        return new StoredSamplePlan(jobs, tasks.size());
    }

    public RubricResponse generateRubric(GenerateStoredRubricRequest request) {
        return steps.generateRubric(new GenerateRubricRequest(persona(request.persona()), request.scenario(),
                request.seed()));
    }

    /**
     * Scores the job's samples and stores their chains. Several samples share one request, as in-process: its cost
     * goes with the first chain, and each sample it did not answer is scored on its own. A judge call that fails on
     * one of those becomes that sample's CALL_FAILURE chain; a single sample's failure fails the step, for the state
     * machine to retry and, at last, record.
     */
    public StoredChains scoreSamples(ScoreStoredSamplesRequest request) {
        SampleJob job = request.job();
        Persona persona = persona(request.persona());
        UserHistory history = history(job.userId(), job.historyVersion());
        List<ScoreSampleRequest> samples = job.samples().stream().map(s -> new ScoreSampleRequest(persona, history,
                request.rubric(), request.scenario(), job.source(), s.sampleIndex(), s.seed(), job.itemSeed(),
                job.reversedOrder())).toList();
        Map<Integer, EvaluationChain> chains = new LinkedHashMap<>();
        if (samples.size() == 1) {
            EvaluationChain chain = steps.scoreSample(samples.get(0));
            chains.put(job.samples().get(0).slot(), withCost(chain, chain.cost().plus(request.spent())));
        } else {
            ChainsResponse together = steps.scoreSamples(samples);
            for (int k = 0; k < samples.size(); k++) {
                CallCost carried = k == 0 ? together.cost().plus(request.spent()) : CallCost.NONE;
                EvaluationChain chain;
                if (k < together.chains().size()) {
                    chain = together.chains().get(k);
                } else {
                    try {
                        chain = steps.scoreSample(samples.get(k));
                    } catch (InferenceCallException e) {
                        chain = failed(job, job.samples().get(k), e.getMessage());
                    }
                }
                chains.put(job.samples().get(k).slot(), withCost(chain, chain.cost().plus(carried)));
            }
        }
        archive.putChains(request.evaluationId(), chains);
        return summary(chains);
    }

    /** Stores each sample of a job that failed for good as a CALL_FAILURE chain with the error's cause. */
    public StoredChains recordSampleFailure(RecordSampleFailureRequest request) {
        Map<Integer, EvaluationChain> chains = new LinkedHashMap<>();
        for (SampleSlot slot : request.job().samples()) {
            chains.put(slot.slot(), failed(request.job(), slot, request.error().Cause()));
        }
        archive.putChains(request.evaluationId(), chains);
        return summary(chains);
    }

    /**
     * Mixes the evaluation's stored chains, stores the whole result, and returns it without its chains (they stay in
     * the archive: {@link #storedEvaluation}). Every planned slot must have a chain: the state machine stores a
     * chain or a failure for each before it gets here.
     */
    public EvaluationResult aggregateScores(AggregateStoredScoresRequest request) {
        Map<Integer, EvaluationChain> stored = archive.chains(request.evaluationId());
        List<EvaluationChain> chains = new ArrayList<>();
        for (int slot = 0; slot < request.samples(); slot++) {
            EvaluationChain chain = stored.get(slot);
            if (chain == null) {
                // A client's mistake over HTTP (samples beyond what it stored), so a 400, never a 500.
                throw new InvalidInputException("samples", "evaluation " + request.evaluationId()
                        + " has no chain stored for sample " + slot + " of " + request.samples());
            }
            chains.add(chain);
        }
        EvaluationResult mixed = steps.aggregateScores(new AggregateScoresRequest(request.userId(),
                request.candidateCount(), request.scaling(), chains, request.prototypeId(),
                request.neighbours().stream().map(NeighbourRef::userId).toList()));
        EvaluationResult result = new EvaluationResult(mixed.userId(), mixed.rewards(), mixed.choice(), mixed.tie(),
                mixed.prototypeId(), mixed.neighbours(), mixed.chains(), mixed.parseFailures(), mixed.callFailures(),
                mixed.cost().plus(request.selfCost()));
        archive.putResult(request.evaluationId(), result);
        return new EvaluationResult(result.userId(), result.rewards(), result.choice(), result.tie(),
                result.prototypeId(), result.neighbours(), List.of(), result.parseFailures(), result.callFailures(),
                result.cost());
    }

    /** A stored evaluation's whole result, chains included. */
    public EvaluationResult storedEvaluation(String evaluationId) {
        return archive.result(evaluationId).orElseThrow(() -> new InvalidInputException("evaluationId",
                "no evaluation stored under " + evaluationId));
    }

    private UserHistory history(String userId, String version) {
        return archive.history(userId, version).orElseThrow(() -> new InvalidInputException("historyVersion",
                "no history of user " + userId + " stored under version " + version));
    }

    private Persona persona(PersonaRef ref) {
        return archive.persona(ref).orElseThrow(() -> new InvalidInputException("persona",
                "no persona of user " + ref.userId() + " stored for history " + ref.historyVersion() + " and seed "
                        + ref.seed()));
    }

    private static EvaluationChain failed(SampleJob job, SampleSlot slot, String reason) {
        return new EvaluationChain(job.source(), job.userId(), slot.sampleIndex(), slot.seed(), null, null, List.of(),
                ChainStatus.CALL_FAILURE, reason, "", CallCost.NONE);
    }

    private static EvaluationChain withCost(EvaluationChain c, CallCost cost) {
        return new EvaluationChain(c.source(), c.personaUserId(), c.sampleIndex(), c.seed(), c.persona(), c.rubric(),
                c.scores(), c.status(), c.error(), c.rawOutput(), cost);
    }

    private static StoredChains summary(Map<Integer, EvaluationChain> chains) {
        return new StoredChains(List.copyOf(chains.keySet()),
                (int) chains.values().stream().filter(EvaluationChain::scored).count(),
                chains.values().stream().map(EvaluationChain::cost).reduce(CallCost.NONE, CallCost::plus));
    }
}
