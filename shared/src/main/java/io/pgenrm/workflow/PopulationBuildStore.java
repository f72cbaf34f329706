package io.pgenrm.workflow;

import io.pgenrm.api.PopulationSummary;
import io.pgenrm.domain.CallCost;
import io.pgenrm.domain.Persona;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.local.PopulationRewardModel;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a {@link PopulationBuild} keeps its work between steps that run in different processes: the build's users in
 * a fixed order (so batch i means the same users to every step), their personas' embeddings, the fitted centroids and
 * the memberships. Nothing is served until {@link #publish}: the population in use is replaced as a whole.
 */
public interface PopulationBuildStore {
    /**
     * The histories the population model learns from: every user's when the run has at most {@code maxPairs} pairs,
     * else a fixed pseudo-random sample of that many pairs, grouped by user; in user order either way.
     */
    List<UserHistory> modelSample(String runId, int maxPairs);

    /** Opens a build over the run's users (every user with a registered pair), in user order; returns its id. */
    long open(String runId, int prototypes, PopulationRewardModel model);

    /** Whether {@link #open} returned this id. */
    boolean exists(long buildId);

    int users(long buildId);

    /** The number of prototypes asked for (0: about sqrt(users / 2)). */
    int prototypes(long buildId);

    Optional<PopulationRewardModel> model(long buildId);

    /** The histories of the build's users {@code offset} to {@code offset + limit - 1}. */
    List<UserHistory> histories(long buildId, int offset, int limit);

    /**
     * Stores a batch's outcome: each user's persona and embedding, or why it failed, and what the batch cost. Storing
     * a batch again (a retried step) replaces its outcome.
     */
    void putBatch(long buildId, int batch, List<UserHistory> users, List<Persona> personas,
            Map<String, double[]> embeddings, Map<String, String> failures, CallCost cost);

    /** Users with an embedding among {@code offset} to {@code offset + limit - 1}, in user order. */
    EmbeddingPage embeddings(long buildId, int offset, int limit);

    /** Stores the centroids, and the memberships the fit already decided (exact k-means), replacing earlier ones. */
    void putCentroids(long buildId, double[][] centroids, Map<String, Integer> memberships);

    double[][] centroids(long buildId);

    /** Users of the page who have no prototype yet. */
    EmbeddingPage unassigned(long buildId, int offset, int limit);

    void assign(long buildId, Map<String, Integer> prototypeOf);

    /** Serves the build: its users, prototypes (those with members) and memberships replace the current ones. */
    PopulationSummary publish(long buildId);

    /** Users and their embeddings as the personas gave them, in user order. */
    record EmbeddingPage(List<String> userIds, double[][] vectors) {
        public int size() {
            return userIds.size();
        }
    }
}
