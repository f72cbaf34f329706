package io.pgenrm.reward;

import io.pgenrm.api.EvaluateRequest;
import io.pgenrm.domain.CallCost;
import io.pgenrm.domain.CandidateReward;
import io.pgenrm.domain.ContentHash;
import io.pgenrm.domain.EvaluationChain;
import io.pgenrm.domain.EvaluationResult;
import io.pgenrm.domain.Message;
import io.pgenrm.domain.ScalingPlan;
import io.pgenrm.domain.Scenario;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.workflow.CallLimitedSteps;
import io.pgenrm.workflow.EvaluationSteps;
import io.pgenrm.workflow.EvaluationWorkflow;
import io.pgenrm.workflow.UserDirectory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Personalized rewards for batches of responses, as RL trainers ask for them. Responses are grouped per user and
 * prompt ({@link RewardGrouping}); every group is one evaluation of the in-process workflow, all groups at once on a
 * pool, with the judge calls of all of them held to {@code maxInFlight}. An evaluation already made (same user and
 * history, prompt, response set and plan) comes from the cache, and its seeds derive from that identity, so a
 * repeated request gets the same rewards. A group that fails or outlasts the deadline leaves its responses without a
 * reward and with the reason; the request itself still answers.
 */
public final class RewardService implements AutoCloseable {
    private final EvaluationWorkflow workflow;
    private final Supplier<? extends UserDirectory> population;
    private final RewardSettings settings;
    private final RewardCache cache;
    private final ExecutorService samplePool;
    private final ExecutorService groupPool;

    /**
     * @param steps      the evaluation steps; this service holds their judge calls to the settings' in-flight bound
     * @param population the population being served, where users named by id are looked up (unknown: cold start);
     *                   read once per request, and compared by identity: a new one empties the cache
     */
    public RewardService(EvaluationSteps steps, Supplier<? extends UserDirectory> population,
            RewardSettings settings) {
        this.population = population;
        this.settings = settings;
        this.cache = new RewardCache(settings.cacheSize());
        // Twice the bound in sample threads: while one sample parses its output or waits for its next step, another
        // holds the freed slot, so the endpoint stays at the bound (the permits, not the threads, are the bound).
        this.samplePool = Executors.newFixedThreadPool(2 * settings.maxInFlight(), daemons("pgenrm-reward-sample-"));
        this.groupPool = Executors.newFixedThreadPool(settings.maxInFlight(), daemons("pgenrm-reward-group-"));
        // Samples still running at 90% of the deadline are cancelled (call failures), so the group's other samples
        // still give a reward before the request has to answer.
        this.workflow = new EvaluationWorkflow(new CallLimitedSteps(steps, settings.maxInFlight()),
                id -> population.get().find(id), samplePool,
                settings.deadline().multipliedBy(9).dividedBy(10));
    }

    public RewardSettings settings() {
        return settings;
    }

    public RewardCache cache() {
        return cache;
    }

    /** An evaluation's full record (persona, rubric, scores of every sample) while the cache holds it. */
    public Optional<EvaluationResult> evaluation(String id) {
        return cache.completed(id);
    }

    public RewardResponse rewardAll(RewardRequest request) {
        return join(rewardAllAsync(request));
    }

    /**
     * Rewards every response of the request. Invalid or over-sized requests fail at once (InvalidInputException,
     * TooLargeException); anything that goes wrong later is reported per response.
     */
    public CompletableFuture<RewardResponse> rewardAllAsync(RewardRequest request) {
        long started = System.nanoTime();
        settings.limits().check(request);
        ScalingPlan plan = request.plan() == null ? settings.plan() : request.plan().over(settings.plan());
        settings.limits().check(plan);
        UserDirectory users = population.get();
        cache.belongTo(users);
        List<Pending> pending = new ArrayList<>();
        for (RewardGrouping.Group group : RewardGrouping.group(request.items(), Scenario.MAX_CANDIDATES)) {
            pending.add(start(group, users, plan));
        }
        CompletableFuture<?>[] results = pending.stream().map(p -> p.lookup().result()).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(results).handle((done, failure) -> (Void) null)
                .completeOnTimeout(null, settings.deadline().toMillis(), TimeUnit.MILLISECONDS)
                .thenApply(deadline -> answer(request, pending, started));
    }

    public OpenRlhfResponse openRlhf(OpenRlhfRequest request) {
        return join(openRlhfAsync(request));
    }

    /**
     * OpenRLHF's contract: every query split into prompt and response, those sharing a user (label) and a prompt
     * judged as one group, the answer in input order. A query that cannot be split is flagged like any failure.
     */
    public CompletableFuture<OpenRlhfResponse> openRlhfAsync(OpenRlhfRequest request) {
        settings.limits().check(request);
        int n = request.query().size();
        List<TrainerQuery> queries = new ArrayList<>(n);
        List<RewardItem> items = new ArrayList<>();
        List<Integer> itemOfQuery = new ArrayList<>(n);
        for (int q = 0; q < n; q++) {
            TrainerQuery query = TrainerQuery.split(request.query().get(q), request.prompts().get(q));
            queries.add(query);
            itemOfQuery.add(query.failed() ? -1 : items.size());
            if (!query.failed()) {
                String label = request.labels().get(q);
                items.add(RewardItem.of(label == null || label.isBlank() ? ANONYMOUS : label.strip(), query.prompt(),
                        query.response()));
            }
        }
        CompletableFuture<RewardResponse> judged = items.isEmpty() ? CompletableFuture.completedFuture(null)
                : rewardAllAsync(new RewardRequest(items, null));
        return judged.thenApply(response -> {
            Map<String, GroupOutcome> outcomes = new LinkedHashMap<>();
            if (response != null) {
                response.evaluations().forEach(o -> outcomes.put(o.evaluationId(), o));
            }
            List<Double> rewards = new ArrayList<>(n);
            List<Double> scores = new ArrayList<>(n);
            List<String> errors = new ArrayList<>(n);
            List<String> ids = new ArrayList<>(n);
            Map<String, List<Integer>> flags = new LinkedHashMap<>();
            for (String key : List.of(OpenRlhfResponse.FAILED, OpenRlhfResponse.TIE, OpenRlhfResponse.CACHED,
                    OpenRlhfResponse.COLD_START)) {
                flags.put(key, new ArrayList<>(n));
            }
            for (int q = 0; q < n; q++) {
                int item = itemOfQuery.get(q);
                ResponseReward reward = item < 0 ? ResponseReward.failed(null, queries.get(q).error())
                        : response.items().get(item).rewards().get(0);
                GroupOutcome outcome = reward.evaluationId() == null ? null : outcomes.get(reward.evaluationId());
                rewards.add(reward.reward());
                scores.add(reward.score());
                errors.add(reward.error());
                ids.add(reward.evaluationId());
                flags.get(OpenRlhfResponse.FAILED).add(reward.failed() ? 1 : 0);
                flags.get(OpenRlhfResponse.TIE).add(outcome != null && outcome.tie() ? 1 : 0);
                flags.get(OpenRlhfResponse.CACHED).add(outcome != null && outcome.cached() ? 1 : 0);
                flags.get(OpenRlhfResponse.COLD_START).add(outcome != null && outcome.coldStart() ? 1 : 0);
            }
            flags.replaceAll((key, values) -> Collections.unmodifiableList(values));
            return new OpenRlhfResponse(Collections.unmodifiableList(rewards), Collections.unmodifiableList(scores),
                    Collections.unmodifiableMap(flags), Collections.unmodifiableList(errors),
                    Collections.unmodifiableList(ids));
        });
    }

    /** The user id of a query whose label is empty: one anonymous cold-start user. */
    public static final String ANONYMOUS = "anonymous";

    private record Pending(RewardGrouping.Group group, String id, UserHistory history, boolean coldStart,
            ScalingPlan plan, RewardCache.Lookup lookup) {
    }

    private Pending start(RewardGrouping.Group group, UserDirectory users, ScalingPlan requested) {
        UserHistory history = group.inline() != null ? group.inline()
                : users.find(group.userId()).orElse(UserHistory.empty(group.userId()));
        boolean coldStart = !history.hasSignals();
        ScalingPlan plan = coldStart && requested.pro() == 0 && settings.coldStartPro() > 0
                ? new ScalingPlan(requested.ind(), settings.coldStartPro(), requested.selfWeight(),
                        requested.prototypeWeight(), requested.bothOrders())
                : requested;
        String id = evaluationId(history, group.prompt(), group.candidates(), plan);
        EvaluateRequest evaluation = new EvaluateRequest(id, history.userId(), history,
                new Scenario(group.prompt(), group.candidates()), plan);
        RewardCache.Lookup lookup = cache.lookup(id,
                () -> CompletableFuture.supplyAsync(() -> workflow.evaluate(evaluation), groupPool));
        return new Pending(group, id, history, coldStart, plan, lookup);
    }

    private RewardResponse answer(RewardRequest request, List<Pending> pending, long started) {
        List<List<ResponseReward>> rewards = new ArrayList<>();
        List<Set<Integer>> groupsOfItem = new ArrayList<>();
        for (RewardItem item : request.items()) {
            rewards.add(new ArrayList<>(Collections.nCopies(item.responses().size(), null)));
            groupsOfItem.add(new LinkedHashSet<>());
        }
        List<GroupOutcome> outcomes = new ArrayList<>();
        int ties = 0;
        int hits = 0;
        int coldStarts = 0;
        CallCost total = CallCost.NONE;
        for (int g = 0; g < pending.size(); g++) {
            Pending p = pending.get(g);
            GroupOutcome outcome = outcome(p);
            outcomes.add(outcome);
            ties += outcome.tie() ? 1 : 0;
            hits += outcome.cached() ? 1 : 0;
            coldStarts += outcome.coldStart() ? 1 : 0;
            total = total.plus(outcome.cost());
            EvaluationResult result = outcome.error() == null ? p.lookup().result().join() : null;
            for (int c = 0; c < p.group().candidates().size(); c++) {
                ResponseReward reward = result == null ? ResponseReward.failed(p.id(), outcome.error())
                        : scored(p.id(), result.rewards().get(c));
                for (RewardGrouping.Slot slot : p.group().slots().get(c)) {
                    rewards.get(slot.item()).set(slot.response(), reward);
                    groupsOfItem.get(slot.item()).add(g);
                }
            }
        }
        List<ItemRewards> items = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < request.items().size(); i++) {
            RewardItem item = request.items().get(i);
            CallCost cost = groupsOfItem.get(i).stream().map(g -> outcomes.get(g).cost())
                    .reduce(CallCost.NONE, CallCost::plus);
            String error = rewards.get(i).stream().filter(ResponseReward::failed).map(ResponseReward::error)
                    .findFirst().orElse(null);
            failed += (int) rewards.get(i).stream().filter(ResponseReward::failed).count();
            String userId = item.inline() ? item.inlineHistory().userId() : item.userId();
            items.add(new ItemRewards(item.id(), userId, rewards.get(i), cost, error));
        }
        long wallMillis = (System.nanoTime() - started) / 1_000_000;
        return new RewardResponse(items, outcomes, new RewardUsage(pending.size(), hits, ties, failed, coldStarts,
                total.withWallMillis(wallMillis), wallMillis));
    }

    private GroupOutcome outcome(Pending p) {
        CompletableFuture<EvaluationResult> future = p.lookup().result();
        int responses = (int) p.group().slots().stream().filter(s -> !s.isEmpty()).count();
        if (!future.isDone()) {
            return failedOutcome(p, responses, "no verdict within the " + settings.deadline().toSeconds()
                    + " s deadline; the evaluation goes on, and a retry gets it from the cache once it is done");
        }
        if (future.isCompletedExceptionally()) {
            Throwable cause = future.handle((r, e) -> e instanceof CompletionException c && c.getCause() != null
                    ? c.getCause() : e).join();
            return failedOutcome(p, responses, "the evaluation failed: " + cause.getMessage());
        }
        EvaluationResult result = future.join();
        CallCost cost = p.lookup().hit() ? CallCost.NONE.withCachedCalls(result.cost().calls()) : result.cost();
        String error = result.scored() ? null : unscored(result);
        return new GroupOutcome(p.id(), p.history().userId(), p.coldStart(), p.plan().label(), responses,
                p.group().referencePadded(), result.tie(), p.lookup().hit(), result.parseFailures(),
                result.callFailures(), cost, error);
    }

    private GroupOutcome failedOutcome(Pending p, int responses, String error) {
        return new GroupOutcome(p.id(), p.history().userId(), p.coldStart(), p.plan().label(), responses,
                p.group().referencePadded(), false, p.lookup().hit(), 0, 0, CallCost.NONE, error);
    }

    private static String unscored(EvaluationResult result) {
        String first = result.chains().stream().map(EvaluationChain::error).filter(e -> e != null && !e.isBlank())
                .findFirst().orElse("no reason recorded");
        return String.format(Locale.ROOT, "no sample could be scored (%d parse failures, %d call failures): %s",
                result.parseFailures(), result.callFailures(), first);
    }

    private static ResponseReward scored(String id, CandidateReward reward) {
        return new ResponseReward(reward.reward(), score(reward.reward()), id, null);
    }

    /** The judge's 1-10 scale mapped onto [0, 1]; a judge's own total may fall below 1, hence the clamp. */
    static double score(double reward) {
        return Math.max(0, Math.min(1, (reward - 1) / 9));
    }

    /** The identity of an evaluation: who (with what history), what was asked, which responses, which plan. */
    static String evaluationId(UserHistory history, List<Message> prompt, List<String> candidates, ScalingPlan plan) {
        ContentHash hash = new ContentHash().add(history.userId()).add(history.version());
        for (Message m : prompt) {
            hash.add(m.role()).add(m.content());
        }
        for (String c : candidates) {
            hash.add(c);
        }
        hash.add(plan.ind() + "/" + plan.pro() + "/" + plan.selfWeight() + "/" + plan.prototypeWeight() + "/"
                + plan.bothOrders());
        return "ev-" + hash.hex(12);
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        groupPool.shutdownNow();
        samplePool.shutdownNow();
    }
}
