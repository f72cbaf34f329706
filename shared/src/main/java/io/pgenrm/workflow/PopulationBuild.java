package io.pgenrm.workflow;

import io.pgenrm.api.FittedPrototypes;
import io.pgenrm.api.InducePersonaRequest;
import io.pgenrm.api.PersonaResponse;
import io.pgenrm.api.PopulationBatch;
import io.pgenrm.api.PopulationPlan;
import io.pgenrm.api.PopulationSummary;
import io.pgenrm.domain.CallCost;
import io.pgenrm.domain.InvalidInputException;
import io.pgenrm.domain.Persona;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.judge.JudgeOutputException;
import io.pgenrm.local.PopulationLearner;
import io.pgenrm.local.PopulationRewardModel;
import io.pgenrm.prototype.MiniBatchKMeans;
import io.pgenrm.prototype.PersonaEmbedding;
import io.pgenrm.prototype.Prototype;
import io.pgenrm.prototype.PrototypeIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

/**
 * A batch run's population built in steps that scale out, as Step Functions runs them (build-population.asl.json):
 * <ol>
 * <li>{@link #start}: learns the population model (local backend) from at most {@link #MAX_MODEL_PAIRS} pairs and
 * opens a build over the run's users, split into batches;
 * <li>{@link #inducePersonas}, one batch per step (a Distributed Map): each user's persona and its embedding;
 * <li>{@link #fitPrototypes}, one step: k-means over every embedding, exact k-means++ (the prototypes
 * {@code pgenrm evaluate} finds) up to {@link #EXACT_UP_TO} users, mini-batch k-means above;
 * <li>{@link #assignPrototypes}, one batch per step: each user not yet placed goes to the nearest centroid;
 * <li>{@link #publish}: the build replaces the population in use.
 * </ol>
 * {@link #buildAll} runs every step in this process. Memory of the fit: 4 bytes per user and dimension for the
 * embeddings, plus the centroids; the other steps hold one batch.
 */
public final class PopulationBuild {
    /** Up to this many users the fit is exact k-means++ (seconds); above, Lloyd's passes over everyone get slow. */
    public static final int EXACT_UP_TO = 5_000;
    /**
     * The population model's Newton fit costs its pairs times its ~400 dimensions squared per iteration: 20,000 pairs
     * took nearly 10 minutes (population-scale benchmark), too close to a Lambda's 15. Its few hundred weights, held
     * to their prior, learn no more from a larger sample than from a dozen pairs per weight.
     */
    public static final int MAX_MODEL_PAIRS = 5_000;
    /** Users per batch: at the llm backend's 10 s a persona and 16 in flight, about 160 s of a Lambda's 900. */
    public static final int BATCH_SIZE = 250;
    /** States.ArrayRange makes at most 1,000 items: larger populations get larger batches. */
    public static final int MAX_BATCHES = 1_000;
    /** Embeddings read per page while fitting and assigning. */
    static final int PAGE = 2_000;

    private final EvaluationSteps steps;
    private final PopulationLearner learner;
    private final PopulationBuildStore store;
    private final ExecutorService pool;

    /**
     * @param learner the judge's population learner (local backend), or null
     * @param pool    personas of a batch are induced on it; its size caps the calls in flight
     */
    public PopulationBuild(EvaluationSteps steps, PopulationLearner learner, PopulationBuildStore store,
            ExecutorService pool) {
        this.steps = steps;
        this.learner = learner;
        this.store = store;
        this.pool = pool;
    }

    public PopulationPlan start(String runId, int prototypes) {
        PopulationRewardModel model = null;
        if (learner != null) {
            List<UserHistory> sample = store.modelSample(runId, MAX_MODEL_PAIRS);
            model = learner.learnPopulation(sample, PopulationBuilder.provenance("batch run " + runId, sample));
        }
        long buildId = store.open(runId, prototypes, model);
        return plan(buildId, store.users(buildId));
    }

    /** How {@code users} are split into batches: 250 a batch, more when there would be over 1,000 batches. */
    public static PopulationPlan plan(long buildId, int users) {
        int batchSize = Math.max(BATCH_SIZE, (users + MAX_BATCHES - 1) / MAX_BATCHES);
        int batches = (users + batchSize - 1) / batchSize;
        return new PopulationPlan(buildId, users, batchSize, batches, batches - 1);
    }

    /** The batch's personas, induced with the build's population model; a user whose induction fails is recorded. */
    public PopulationBatch inducePersonas(long buildId, int batch) {
        requireBuild(buildId);
        useModelOf(buildId);
        PopulationPlan plan = plan(buildId, store.users(buildId));
        List<UserHistory> users = store.histories(buildId, batch * plan.batchSize(), plan.batchSize());
        List<CompletableFuture<PersonaResponse>> futures = users.stream()
                .map(h -> CompletableFuture.supplyAsync(() -> steps.inducePersona(new InducePersonaRequest(h, 0)), pool))
                .toList();
        List<Persona> personas = new ArrayList<>();
        Map<String, double[]> embeddings = new LinkedHashMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        CallCost cost = CallCost.NONE;
        for (int i = 0; i < futures.size(); i++) {
            String userId = users.get(i).userId();
            try {
                PersonaResponse response = futures.get(i).join();
                personas.add(response.persona());
                embeddings.put(userId, PersonaEmbedding.of(response.persona()));
                cost = cost.plus(response.cost());
            } catch (CompletionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (cause instanceof JudgeOutputException unusable) {
                    cost = cost.plus(unusable.cost());
                }
                failures.put(userId, cause.getClass().getSimpleName() + ": " + cause.getMessage());
            }
        }
        store.putBatch(buildId, batch, users, personas, embeddings, failures, cost);
        return new PopulationBatch(batch, users.size(), personas.size(), failures.size(), cost);
    }

    /**
     * Clusters every user with a non-zero embedding. The exact path is {@link PrototypeIndex#build}, so a small
     * population gets the prototypes and members {@code pgenrm evaluate} would; the mini-batch path stores centroids
     * only, and {@link #assignPrototypes} places the users.
     */
    public FittedPrototypes fitPrototypes(long buildId) {
        requireBuild(buildId);
        int users = store.users(buildId);
        int usable = 0;
        Map<String, double[]> exact = new LinkedHashMap<>();
        List<float[]> vectors = new ArrayList<>();
        for (int offset = 0; offset < users; offset += PAGE) {
            PopulationBuildStore.EmbeddingPage page = store.embeddings(buildId, offset, PAGE);
            for (int i = 0; i < page.size(); i++) {
                double[] v = page.vectors()[i];
                if (PersonaEmbedding.isZero(v)) {
                    continue;
                }
                usable++;
                // Below the threshold the doubles go to the exact fit unchanged; above, unit floats halve the memory.
                if (usable <= EXACT_UP_TO) {
                    exact.put(page.userIds().get(i), v);
                }
                float[] unit = floats(v);
                MiniBatchKMeans.normalize(unit);
                vectors.add(unit);
                if (usable == EXACT_UP_TO + 1) {
                    exact.clear();
                }
            }
        }
        int k = clusters(store.prototypes(buildId), usable);
        if (usable <= EXACT_UP_TO) {
            PrototypeIndex index = PrototypeIndex.build(exact, k, PopulationBuilder.PROTOTYPE_SEED);
            double[][] centroids = new double[index.prototypes().size()][];
            Map<String, Integer> members = new HashMap<>();
            for (Prototype prototype : index.prototypes()) {
                centroids[prototype.id()] = prototype.centroid();
                prototype.members().forEach(member -> members.put(member, prototype.id()));
            }
            store.putCentroids(buildId, centroids, members);
            return new FittedPrototypes(buildId, usable, centroids.length, true);
        }
        MiniBatchKMeans.Fit fit = MiniBatchKMeans.fit(vectors.toArray(float[][]::new), k,
                PopulationBuilder.PROTOTYPE_SEED);
        double[][] centroids = new double[fit.centroids().length][];
        for (int c = 0; c < centroids.length; c++) {
            centroids[c] = doubles(fit.centroids()[c]);
        }
        store.putCentroids(buildId, centroids, Map.of());
        return new FittedPrototypes(buildId, usable, centroids.length, false);
    }

    /** Places each user of the batch that the fit did not place at the nearest centroid. */
    public PopulationBatch assignPrototypes(long buildId, int batch) {
        requireBuild(buildId);
        PopulationPlan plan = plan(buildId, store.users(buildId));
        double[][] stored = store.centroids(buildId);
        float[][] centroids = new float[stored.length][];
        for (int c = 0; c < stored.length; c++) {
            centroids[c] = floats(stored[c]);
        }
        PopulationBuildStore.EmbeddingPage page = store.unassigned(buildId, batch * plan.batchSize(), plan.batchSize());
        Map<String, Integer> placed = new LinkedHashMap<>();
        for (int i = 0; i < page.size() && centroids.length > 0; i++) {
            double[] v = page.vectors()[i];
            if (!PersonaEmbedding.isZero(v)) {
                float[] unit = floats(v);
                MiniBatchKMeans.normalize(unit);
                placed.put(page.userIds().get(i), MiniBatchKMeans.nearest(centroids, unit));
            }
        }
        store.assign(buildId, placed);
        return new PopulationBatch(batch, page.size(), placed.size(), page.size() - placed.size(), CallCost.NONE);
    }

    public PopulationSummary publish(long buildId) {
        requireBuild(buildId);
        return store.publish(buildId);
    }

    /** Every step in this process, batch after batch (each batch's personas in parallel on the pool). */
    public PopulationSummary buildAll(String runId, int prototypes) {
        PopulationPlan plan = start(runId, prototypes);
        for (int batch = 0; batch < plan.batches(); batch++) {
            inducePersonas(plan.buildId(), batch);
        }
        fitPrototypes(plan.buildId());
        for (int batch = 0; batch < plan.batches(); batch++) {
            assignPrototypes(plan.buildId(), batch);
        }
        return publish(plan.buildId());
    }

    /** As {@code pgenrm evaluate}: {@code k <= 0} picks about sqrt(n/2); never more than there are users. */
    static int clusters(int k, int users) {
        int clusters = k > 0 ? k : (int) Math.round(Math.sqrt(users / 2.0));
        return Math.max(1, Math.min(clusters, Math.max(users, 1)));
    }

    /** A build id that {@link #start} never returned is the caller's mistake; publishing it would empty the population. */
    private void requireBuild(long buildId) {
        if (!store.exists(buildId)) {
            throw new InvalidInputException("buildId", "no population build " + buildId + " was started");
        }
    }

    private void useModelOf(long buildId) {
        if (learner != null) {
            store.model(buildId).ifPresent(learner::usePopulation);
        }
    }

    static float[] floats(double[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) v[i];
        }
        return out;
    }

    private static double[] doubles(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }
}
