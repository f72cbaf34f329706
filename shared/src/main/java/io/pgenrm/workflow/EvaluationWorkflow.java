package io.pgenrm.workflow;

import io.pgenrm.api.AggregateScoresRequest;
import io.pgenrm.api.ChainsResponse;
import io.pgenrm.api.EvaluateRequest;
import io.pgenrm.api.GenerateRubricRequest;
import io.pgenrm.api.GenerateRubricsRequest;
import io.pgenrm.api.InducePersonaRequest;
import io.pgenrm.api.MatchPrototypeRequest;
import io.pgenrm.api.PersonaResponse;
import io.pgenrm.api.PlanSamplesRequest;
import io.pgenrm.api.RubricsResponse;
import io.pgenrm.api.SamplePlan;
import io.pgenrm.api.SampleTask;
import io.pgenrm.api.ScoreSampleRequest;
import io.pgenrm.domain.CallCost;
import io.pgenrm.domain.ChainStatus;
import io.pgenrm.domain.EvaluationChain;
import io.pgenrm.domain.EvaluationResult;
import io.pgenrm.domain.Persona;
import io.pgenrm.domain.Rubric;
import io.pgenrm.domain.SampleSource;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.judge.InferenceCallException;
import io.pgenrm.judge.JudgeOutputException;
import io.pgenrm.prototype.Neighbour;
import io.pgenrm.prototype.ProMMode;
import io.pgenrm.prototype.PrototypeMatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One evaluation in-process: persona, prototype match, every Ind-N and Pro-M sample at once on a bounded pool (its
 * size caps the inference calls in flight), then aggregation. With paper Pro-M the user's own samples run before the
 * match, which reads their analysis, and the neighbours' after it. A sample that fails, or is still running when the
 * evaluation's deadline passes, is recorded as failed, not fatal.
 */
public final class EvaluationWorkflow {
    /** Long enough for a slow endpoint's retries; short enough that one stuck item cannot stall a batch. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(10);

    private final EvaluationSteps steps;
    private final UserDirectory users;
    private final ExecutorService samplePool;
    private final Duration deadline;

    public EvaluationWorkflow(EvaluationSteps steps, UserDirectory users, ExecutorService samplePool) {
        this(steps, users, samplePool, DEFAULT_DEADLINE);
    }

    public EvaluationWorkflow(EvaluationSteps steps, UserDirectory users, ExecutorService samplePool,
            Duration deadline) {
        this.steps = steps;
        this.users = users;
        this.samplePool = samplePool;
        this.deadline = deadline;
    }

    public EvaluationResult evaluate(EvaluateRequest input) {
        long started = System.nanoTime();
        UserHistory history = input.history() != null ? input.history()
                : users.find(input.userId()).orElse(UserHistory.empty(input.userId()));
        EvaluateRequest request = new EvaluateRequest(input.requestId(), input.userId(), history, input.scenario(),
                input.scaling());
        PersonaResponse self = steps.inducePersona(new InducePersonaRequest(history, 0));
        long deadlineNanos = started + deadline.toNanos();
        PrototypeMatch match;
        List<EvaluationChain> chains;
        if (request.scaling().pro() > 0 && steps.proM() == ProMMode.PAPER) {
            // The match reads the analysis the user's own chain wrote for this item, so those samples run first.
            SamplePlan own = steps.planSamples(new PlanSamplesRequest(request, PrototypeMatch.none()));
            chains = new ArrayList<>(runSamples(request, self.persona(), own.tasks(), deadlineNanos));
            Persona analysed = chains.stream().filter(c -> c.source() == SampleSource.SELF && c.scored())
                    .map(EvaluationChain::persona).findFirst().orElse(self.persona());
            match = steps.matchPrototype(new MatchPrototypeRequest(request.userId(), analysed,
                    request.scaling().pro()));
            List<SampleTask> neighbours = steps.planSamples(new PlanSamplesRequest(request, match)).tasks().stream()
                    .filter(task -> task.source() == SampleSource.NEIGHBOUR).toList();
            chains.addAll(runSamples(request, self.persona(), neighbours, deadlineNanos));
        } else {
            match = request.scaling().pro() == 0 ? PrototypeMatch.none()
                    : steps.matchPrototype(new MatchPrototypeRequest(request.userId(), self.persona(),
                            request.scaling().pro()));
            SamplePlan plan = steps.planSamples(new PlanSamplesRequest(request, match));
            chains = runSamples(request, self.persona(), plan.tasks(), deadlineNanos);
        }
        EvaluationResult result = steps.aggregateScores(new AggregateScoresRequest(request.userId(),
                request.scenario().candidates().size(), request.scaling(), chains, match.prototypeId(),
                match.neighbours().stream().map(Neighbour::userId).toList()));
        long wallMillis = (System.nanoTime() - started) / 1_000_000;
        CallCost cost = result.cost().plus(self.cost()).withWallMillis(wallMillis);
        return new EvaluationResult(result.userId(), result.rewards(), result.choice(), result.tie(),
                result.prototypeId(), result.neighbours(), result.chains(), result.parseFailures(),
                result.callFailures(), cost);
    }

    /**
     * Runs every sample. The user's own samples share one prompt (same persona, same scenario, same item order), so
     * one request asks for all of them while the neighbours' samples already run: for their rubrics when the judge
     * writes rubrics in a separate step, else for the whole chains (one request per shown order). A sample the
     * request did not cover makes its own.
     */
    private List<EvaluationChain> runSamples(EvaluateRequest request, Persona selfPersona, List<SampleTask> tasks,
            long deadlineNanos) {
        List<Future<EvaluationChain>> futures = new ArrayList<>(Collections.nCopies(tasks.size(), null));
        List<Integer> sharingRubrics = new ArrayList<>();
        Map<Boolean, List<Integer>> sharingChainsByOrder = new TreeMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            SampleTask task = tasks.get(i);
            boolean ownPrompt = task.source() == SampleSource.SELF && task.personaSeed() == 0;
            if (ownPrompt && task.rubricStep()) {
                sharingRubrics.add(i);
            } else if (SamplePlanner.sharesChainPrompt(task)) {
                sharingChainsByOrder.computeIfAbsent(task.reversedOrder(), order -> new ArrayList<>()).add(i);
            } else {
                futures.set(i, samplePool.submit(() -> runSample(request, task, null, CallCost.NONE)));
            }
        }
        for (List<Integer> group : sharingChainsByOrder.values()) {
            scoreTogether(request, selfPersona, tasks, group, futures);
        }
        List<Integer> indices = sharingRubrics.stream().map(i -> tasks.get(i).sampleIndex()).distinct().toList();
        List<Rubric> rubrics = List.of();
        CallCost shared = CallCost.NONE;
        if (indices.size() > 1) {
            RubricsResponse batch = steps.generateRubrics(new GenerateRubricsRequest(selfPersona, request.scenario(),
                    tasks.get(sharingRubrics.get(0)).seed(), indices.size()));
            rubrics = batch.rubrics();
            shared = batch.cost();
        }
        for (int i : sharingRubrics) {
            SampleTask task = tasks.get(i);
            int slot = indices.indexOf(task.sampleIndex());
            Rubric rubric = slot < rubrics.size() ? rubrics.get(slot) : null;
            // The shared request's cost goes with the first sample, so the chains' costs still add up.
            CallCost carried = i == sharingRubrics.get(0) ? shared : CallCost.NONE;
            futures.set(i, samplePool.submit(() -> runSample(request, task, rubric, carried)));
        }
        List<EvaluationChain> chains = new ArrayList<>(tasks.size());
        for (int i = 0; i < tasks.size(); i++) {
            Future<EvaluationChain> future = futures.get(i);
            try {
                chains.add(future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                future.cancel(true);
                chains.add(failed(tasks.get(i), null, ChainStatus.CALL_FAILURE,
                        "evaluation deadline of " + deadline.toSeconds() + " s passed before this sample finished",
                        "", CallCost.NONE));
            } catch (ExecutionException e) {
                // Judge failures are caught inside the sample; anything else is a defect that fails the item.
                futures.forEach(f -> f.cancel(true));
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                futures.forEach(f -> f.cancel(true));
                Thread.currentThread().interrupt();
                throw new IllegalStateException("evaluation interrupted", e);
            }
        }
        return chains;
    }

    /**
     * Scores a group of samples sharing one prompt with one request, on the pool; each sample it did not cover is
     * then scored on its own. The request's cost goes with the group's first sample.
     */
    private void scoreTogether(EvaluateRequest request, Persona selfPersona, List<SampleTask> tasks,
            List<Integer> group, List<Future<EvaluationChain>> futures) {
        SampleTask first = tasks.get(group.get(0));
        if (group.size() == 1) {
            futures.set(group.get(0), samplePool.submit(() -> runSample(request, first, null, CallCost.NONE)));
            return;
        }
        List<ScoreSampleRequest> samples = group.stream().map(i -> scoreRequest(request, tasks.get(i), selfPersona,
                null)).toList();
        CompletableFuture<ChainsResponse> together = CompletableFuture.supplyAsync(() -> steps.scoreSamples(samples),
                samplePool);
        for (int k = 0; k < group.size(); k++) {
            int slot = k;
            SampleTask task = tasks.get(group.get(k));
            futures.set(group.get(k), together.thenCompose(response -> {
                CallCost carried = slot == 0 ? response.cost() : CallCost.NONE;
                return slot < response.chains().size()
                        ? CompletableFuture.completedFuture(withCost(response.chains().get(slot), carried))
                        : CompletableFuture.supplyAsync(() -> runSample(request, task, null, carried), samplePool);
            }));
        }
    }

    private static ScoreSampleRequest scoreRequest(EvaluateRequest request, SampleTask task, Persona persona,
            Rubric rubric) {
        return new ScoreSampleRequest(persona, task.history(), rubric, request.scenario(), task.source(),
                task.sampleIndex(), task.seed(), task.itemSeed(), task.reversedOrder());
    }

    private EvaluationChain runSample(EvaluateRequest request, SampleTask task, Rubric sharedRubric,
            CallCost sharedCost) {
        CallCost spent = sharedCost;
        Persona persona = null;
        try {
            PersonaResponse induced = steps.inducePersona(new InducePersonaRequest(task.history(), task.personaSeed()));
            persona = induced.persona();
            spent = spent.plus(induced.cost());
            Rubric rubric = sharedRubric;
            if (task.rubricStep() && rubric == null) {
                var generated = steps.generateRubric(new GenerateRubricRequest(persona, request.scenario(), task.seed()));
                rubric = generated.rubric();
                spent = spent.plus(generated.cost());
            }
            EvaluationChain chain = steps.scoreSample(scoreRequest(request, task, persona, rubric));
            return withCost(chain, chain.cost().plus(spent));
        } catch (JudgeOutputException e) {
            return failed(task, persona, ChainStatus.PARSE_FAILURE, e.getMessage(), e.rawOutput(), spent.plus(e.cost()));
        } catch (InferenceCallException e) {
            return failed(task, persona, ChainStatus.CALL_FAILURE, e.getMessage(), "", spent.plus(e.cost()));
        }
    }

    private static EvaluationChain failed(SampleTask task, Persona persona, ChainStatus status, String reason,
            String raw, CallCost spent) {
        return new EvaluationChain(task.source(), task.history().userId(), task.sampleIndex(), task.seed(), persona,
                null, List.of(), status, reason, raw, spent);
    }

    private static EvaluationChain withCost(EvaluationChain c, CallCost cost) {
        return new EvaluationChain(c.source(), c.personaUserId(), c.sampleIndex(), c.seed(), c.persona(), c.rubric(),
                c.scores(), c.status(), c.error(), c.rawOutput(), cost);
    }
}
