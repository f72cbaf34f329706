package io.pgenrm.workflow;

import io.pgenrm.api.PopulationSummary;
import io.pgenrm.domain.CallCost;
import io.pgenrm.domain.Persona;
import io.pgenrm.domain.PreferencePair;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.domain.UserProfile;
import io.pgenrm.local.PopulationRewardModel;
import io.pgenrm.prototype.Prototype;
import io.pgenrm.prototype.PrototypeIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link PopulationBuildStore} over one run's histories held in memory, for the build's in-process tests and the
 * population-scale benchmark; {@link #published()} is the population a publish would serve.
 */
final class InMemoryPopulationBuildStore implements PopulationBuildStore {
    private final String runId;
    private final List<UserHistory> users;
    private final Map<Long, Build> builds = new HashMap<>();
    private Population published = Population.EMPTY;

    private static final class Build {
        final int prototypes;
        final PopulationRewardModel model;
        final Map<String, double[]> embeddings = new HashMap<>();
        final Map<String, String> failures = new HashMap<>();
        final Map<String, Integer> prototypeOf = new HashMap<>();
        final Map<Integer, CallCost> batchCosts = new TreeMap<>();
        double[][] centroids = new double[0][];

        Build(int prototypes, PopulationRewardModel model) {
            this.prototypes = prototypes;
            this.model = model;
        }
    }

    InMemoryPopulationBuildStore(String runId, Map<String, UserHistory> histories) {
        this.runId = runId;
        this.users = histories.values().stream().filter(h -> !h.pairs().isEmpty())
                .sorted(Comparator.comparing(UserHistory::userId)).toList();
    }

    Population published() {
        return published;
    }

    @Override
    public List<UserHistory> modelSample(String run, int maxPairs) {
        int pairs = users.stream().mapToInt(h -> h.pairs().size()).sum();
        if (pairs <= maxPairs) {
            return users;
        }
        // Every (pairs / maxPairs)-th pair in user order: a fixed sample, as the database's md5 order is.
        Map<String, List<PreferencePair>> sample = new TreeMap<>();
        double step = (double) pairs / maxPairs;
        int seen = 0;
        double next = 0;
        for (UserHistory user : users) {
            for (PreferencePair pair : user.pairs()) {
                if (seen++ >= next) {
                    sample.computeIfAbsent(user.userId(), u -> new ArrayList<>()).add(pair);
                    next += step;
                }
            }
        }
        List<UserHistory> out = new ArrayList<>();
        sample.forEach((user, list) -> out.add(new UserHistory(user, list, UserProfile.EMPTY)));
        return out;
    }

    @Override
    public long open(String run, int prototypes, PopulationRewardModel model) {
        if (!run.equals(runId)) {
            throw new IllegalArgumentException("no run " + run);
        }
        long id = builds.size() + 1L;
        builds.put(id, new Build(prototypes, model));
        return id;
    }

    @Override
    public boolean exists(long buildId) {
        return builds.containsKey(buildId);
    }

    @Override
    public int users(long buildId) {
        return users.size();
    }

    @Override
    public int prototypes(long buildId) {
        return builds.get(buildId).prototypes;
    }

    @Override
    public Optional<PopulationRewardModel> model(long buildId) {
        return Optional.ofNullable(builds.get(buildId).model);
    }

    @Override
    public List<UserHistory> histories(long buildId, int offset, int limit) {
        return users.subList(Math.min(offset, users.size()), Math.min(offset + limit, users.size()));
    }

    @Override
    public synchronized void putBatch(long buildId, int batch, List<UserHistory> batchUsers, List<Persona> personas,
            Map<String, double[]> embeddings, Map<String, String> failures, CallCost cost) {
        Build build = builds.get(buildId);
        build.embeddings.putAll(embeddings);
        build.failures.putAll(failures);
        build.batchCosts.put(batch, cost);
    }

    @Override
    public EmbeddingPage embeddings(long buildId, int offset, int limit) {
        return page(buildId, offset, limit, false);
    }

    @Override
    public EmbeddingPage unassigned(long buildId, int offset, int limit) {
        return page(buildId, offset, limit, true);
    }

    private EmbeddingPage page(long buildId, int offset, int limit, boolean unassignedOnly) {
        Build build = builds.get(buildId);
        List<String> ids = new ArrayList<>();
        List<double[]> vectors = new ArrayList<>();
        for (UserHistory user : histories(buildId, offset, limit)) {
            double[] v = build.embeddings.get(user.userId());
            if (v != null && !(unassignedOnly && build.prototypeOf.containsKey(user.userId()))) {
                ids.add(user.userId());
                vectors.add(v.clone());
            }
        }
        return new EmbeddingPage(ids, vectors.toArray(double[][]::new));
    }

    @Override
    public void putCentroids(long buildId, double[][] centroids, Map<String, Integer> memberships) {
        Build build = builds.get(buildId);
        build.centroids = centroids.clone();
        build.prototypeOf.clear();
        build.prototypeOf.putAll(memberships);
    }

    @Override
    public double[][] centroids(long buildId) {
        return builds.get(buildId).centroids.clone();
    }

    @Override
    public synchronized void assign(long buildId, Map<String, Integer> prototypeOf) {
        builds.get(buildId).prototypeOf.putAll(prototypeOf);
    }

    /** As the database does: prototypes with members, renumbered in the order of their ids. */
    @Override
    public PopulationSummary publish(long buildId) {
        Build build = builds.get(buildId);
        Map<Integer, List<String>> members = new TreeMap<>();
        build.prototypeOf.forEach((user, id) -> members.computeIfAbsent(id, k -> new ArrayList<>()).add(user));
        List<Prototype> prototypes = new ArrayList<>();
        for (Map.Entry<Integer, List<String>> entry : members.entrySet()) {
            prototypes.add(new Prototype(prototypes.size(), build.centroids[entry.getKey()],
                    entry.getValue().stream().sorted().toList()));
        }
        Map<String, double[]> embeddings = new HashMap<>();
        build.prototypeOf.keySet().forEach(user -> embeddings.put(user, build.embeddings.get(user)));
        Map<String, UserHistory> histories = new LinkedHashMap<>();
        users.forEach(user -> histories.put(user.userId(), user));
        published = new Population(histories, new PrototypeIndex(prototypes, embeddings), build.model);
        int pairs = users.stream().mapToInt(h -> h.pairs().size()).sum();
        CallCost cost = build.batchCosts.values().stream().reduce(CallCost.NONE, CallCost::plus);
        return new PopulationSummary(users.size(), pairs, build.embeddings.size(), prototypes.size(),
                build.failures.size(), cost);
    }
}
