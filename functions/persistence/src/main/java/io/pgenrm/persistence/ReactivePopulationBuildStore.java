package io.pgenrm.persistence;

import io.pgenrm.api.PopulationSummary;
import io.pgenrm.domain.CallCost;
import io.pgenrm.domain.Persona;
import io.pgenrm.domain.PreferencePair;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.domain.UserProfile;
import io.pgenrm.local.PopulationRewardModel;
import io.pgenrm.workflow.PopulationBuildStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Population builds in PostgreSQL. Their steps run in many Lambdas at once, one batch of users each; a batch's writes
 * are one transaction, and publishing swaps the served users, prototypes and memberships in one transaction, copying
 * within the database.
 */
@ApplicationScoped
public class ReactivePopulationBuildStore implements PopulationBuildStore {
    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    JsonColumns json;

    @Inject
    ReactiveEvaluationArchive archive;

    @Override
    public List<UserHistory> modelSample(String runId, int maxPairs) {
        Long pairs = ReactiveRunStore.await(() -> sessions.withSession(session -> session.createNativeQuery(
                "select count(*) from history_pairs where run_id = :run", Long.class)
                .setParameter("run", runId).getSingleResult()));
        // md5 of the pair's id: a sample that is the same on every run over the same rows.
        String order = pairs <= maxPairs ? "" : " order by md5(pair_id) limit " + maxPairs;
        List<Object[]> rows = ReactiveRunStore.await(() -> sessions.withSession(session -> session.createNativeQuery(
                "select user_id, row_index, pair_id, pair_json from history_pairs where run_id = :run" + order,
                Object[].class).setParameter("run", runId).getResultList()));
        rows = new ArrayList<>(rows);
        rows.sort(Comparator.comparing((Object[] r) -> (String) r[0]).thenComparing(r -> ((Number) r[1]).intValue())
                .thenComparing(r -> (String) r[2]));
        Map<String, List<PreferencePair>> byUser = new TreeMap<>();
        for (Object[] row : rows) {
            byUser.computeIfAbsent((String) row[0], u -> new ArrayList<>())
                    .add(json.read((String) row[3], PreferencePair.class));
        }
        List<UserHistory> histories = new ArrayList<>();
        byUser.forEach((user, list) -> histories.add(new UserHistory(user, list, UserProfile.EMPTY)));
        return histories;
    }

    @Override
    public long open(String runId, int prototypes, PopulationRewardModel model) {
        String modelJson = model == null ? null : json.write(model);
        return ReactiveRunStore.await(() -> sessions.withTransaction(session -> session.createNativeQuery(
                "insert into population_builds (run_id, prototypes_requested, reward_model_json, published_seq) "
                        + "values (:run, :prototypes, :model, null) returning build_id", Long.class)
                .setParameter("run", runId).setParameter("prototypes", prototypes).setParameter("model", modelJson)
                .getSingleResult()
                .call(buildId -> session.createNativeQuery("insert into population_build_members (build_id, ordinal, "
                        + "user_id) select :build, (row_number() over (order by user_id)) - 1, user_id from "
                        + "(select distinct user_id from history_pairs where run_id = :run) u")
                        .setParameter("build", buildId).setParameter("run", runId).executeUpdate())));
    }

    @Override
    public boolean exists(long buildId) {
        Long builds = ReactiveRunStore.await(() -> sessions.withSession(session -> session.createNativeQuery(
                "select count(*) from population_builds where build_id = :build", Long.class)
                .setParameter("build", buildId).getSingleResult()));
        return builds > 0;
    }

    @Override
    public int users(long buildId) {
        Long users = ReactiveRunStore.await(() -> sessions.withSession(session -> session.createNativeQuery(
                "select count(*) from population_build_members where build_id = :build", Long.class)
                .setParameter("build", buildId).getSingleResult()));
        return users.intValue();
    }

    @Override
    public int prototypes(long buildId) {
        return ReactiveRunStore.await(() -> sessions.withSession(session -> session.createNativeQuery(
                "select prototypes_requested from population_builds where build_id = :build", Integer.class)
                .setParameter("build", buildId).getSingleResult()));
    }

    @Override
    public Optional<PopulationRewardModel> model(long buildId) {
        List<String> found = ReactiveRunStore.await(() -> sessions.withSession(session -> session.createNativeQuery(
                "select reward_model_json from population_builds where build_id = :build and reward_model_json "
                        + "is not null", String.class)
                .setParameter("build", buildId).getResultList()));
        return found.stream().findFirst().map(text -> json.read(text, PopulationRewardModel.class));
    }

    @Override
    public List<UserHistory> histories(long buildId, int offset, int limit) {
        List<Object[]> rows = ReactiveRunStore.await(() -> sessions.withSession(session -> session.createNativeQuery(
                "select m.user_id, p.pair_json from population_build_members m "
                        + "join population_builds b on b.build_id = m.build_id "
                        + "join history_pairs p on p.run_id = b.run_id and p.user_id = m.user_id "
                        + "where m.build_id = :build and m.ordinal >= :from and m.ordinal < :to "
                        + "order by m.ordinal, p.row_index, p.pair_id", Object[].class)
                .setParameter("build", buildId).setParameter("from", offset).setParameter("to", offset + limit)
                .getResultList()));
        Map<String, List<PreferencePair>> byUser = new LinkedHashMap<>();
        for (Object[] row : rows) {
            byUser.computeIfAbsent((String) row[0], u -> new ArrayList<>())
                    .add(json.read((String) row[1], PreferencePair.class));
        }
        List<UserHistory> histories = new ArrayList<>();
        byUser.forEach((user, pairs) -> histories.add(new UserHistory(user, pairs, UserProfile.EMPTY)));
        return histories;
    }

    @Override
    public void putBatch(long buildId, int batch, List<UserHistory> users, List<Persona> personas,
            Map<String, double[]> embeddings, Map<String, String> failures, CallCost cost) {
        archive.putHistories(users);
        personas.forEach(archive::putPersona);
        String costJson = json.write(cost);
        ReactiveRunStore.await(() -> sessions.withTransaction(session -> {
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (UserHistory user : users) {
                double[] embedding = embeddings.get(user.userId());
                String embeddingJson = embedding == null ? null : json.write(embedding);
                chain = chain.chain(() -> session.createNativeQuery("update population_build_members set "
                        + "history_version = :version, embedding_json = :embedding, failure = :failure, "
                        + "prototype_id = null where build_id = :build and user_id = :user")
                        .setParameter("version", user.version()).setParameter("embedding", embeddingJson)
                        .setParameter("failure", failures.get(user.userId())).setParameter("build", buildId)
                        .setParameter("user", user.userId()).executeUpdate());
            }
            return chain.chain(() -> session.createNativeQuery("insert into population_build_batches (build_id, batch, "
                    + "personas, failed, cost_json) values (:build, :batch, :personas, :failed, :cost) "
                    + "on conflict (build_id, batch) do update set personas = excluded.personas, "
                    + "failed = excluded.failed, cost_json = excluded.cost_json")
                    .setParameter("build", buildId).setParameter("batch", batch)
                    .setParameter("personas", personas.size()).setParameter("failed", failures.size())
                    .setParameter("cost", costJson).executeUpdate());
        }));
    }

    @Override
    public EmbeddingPage embeddings(long buildId, int offset, int limit) {
        return page(buildId, offset, limit, "");
    }

    @Override
    public EmbeddingPage unassigned(long buildId, int offset, int limit) {
        return page(buildId, offset, limit, " and prototype_id is null");
    }

    private EmbeddingPage page(long buildId, int offset, int limit, String condition) {
        List<Object[]> rows = ReactiveRunStore.await(() -> sessions.withSession(session -> session.createNativeQuery(
                "select user_id, embedding_json from population_build_members where build_id = :build and "
                        + "ordinal >= :from and ordinal < :to and embedding_json is not null" + condition
                        + " order by ordinal", Object[].class)
                .setParameter("build", buildId).setParameter("from", offset).setParameter("to", offset + limit)
                .getResultList()));
        List<String> ids = new ArrayList<>(rows.size());
        double[][] vectors = new double[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            ids.add((String) rows.get(i)[0]);
            vectors[i] = json.read((String) rows.get(i)[1], double[].class);
        }
        return new EmbeddingPage(ids, vectors);
    }

    @Override
    public void putCentroids(long buildId, double[][] centroids, Map<String, Integer> memberships) {
        ReactiveRunStore.await(() -> sessions.withTransaction(session -> {
            Uni<Integer> chain = session.createNativeQuery("delete from population_build_prototypes where "
                    + "build_id = :build").setParameter("build", buildId).executeUpdate()
                    .call(() -> session.createNativeQuery("update population_build_members set prototype_id = null "
                            + "where build_id = :build").setParameter("build", buildId).executeUpdate());
            for (int c = 0; c < centroids.length; c++) {
                int id = c;
                String centroidJson = json.write(centroids[c]);
                chain = chain.chain(() -> session.createNativeQuery("insert into population_build_prototypes "
                        + "(build_id, prototype_id, centroid_json) values (:build, :id, :centroid)")
                        .setParameter("build", buildId).setParameter("id", id).setParameter("centroid", centroidJson)
                        .executeUpdate());
            }
            return chain.chain(() -> assign(session, buildId, memberships));
        }));
    }

    @Override
    public double[][] centroids(long buildId) {
        List<String> rows = ReactiveRunStore.await(() -> sessions.withSession(session -> session.createNativeQuery(
                "select centroid_json from population_build_prototypes where build_id = :build order by prototype_id",
                String.class).setParameter("build", buildId).getResultList()));
        return rows.stream().map(text -> json.read(text, double[].class)).toArray(double[][]::new);
    }

    @Override
    public void assign(long buildId, Map<String, Integer> prototypeOf) {
        ReactiveRunStore.await(() -> sessions.withTransaction(session -> assign(session, buildId, prototypeOf)));
    }

    private Uni<Integer> assign(Mutiny.Session session, long buildId, Map<String, Integer> prototypeOf) {
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (Map.Entry<String, Integer> entry : prototypeOf.entrySet()) {
            chain = chain.chain(() -> session.createNativeQuery("update population_build_members set prototype_id = "
                    + ":prototype where build_id = :build and user_id = :user")
                    .setParameter("prototype", entry.getValue()).setParameter("build", buildId)
                    .setParameter("user", entry.getKey()).executeUpdate());
        }
        return chain;
    }

    /**
     * One transaction: the build's users (their histories by version), its prototypes that have members (numbered
     * 0, 1, ... in the order of their ids) and the memberships replace the served ones, and the build gets the next
     * publication number, which tells every process holding a population to reload.
     */
    @Override
    public PopulationSummary publish(long buildId) {
        String numbered = "(select prototype_id, (row_number() over (order by prototype_id)) - 1 as served_id from "
                + "(select distinct prototype_id from population_build_members where build_id = :build and "
                + "prototype_id is not null) used) n";
        ReactiveRunStore.await(() -> sessions.withTransaction(session -> session
                .createNativeQuery("delete from prototype_memberships").executeUpdate()
                .chain(() -> session.createNativeQuery("delete from prototypes").executeUpdate())
                .chain(() -> session.createNativeQuery("insert into prototypes (prototype_id, centroid_json, "
                        + "member_count) select n.served_id, p.centroid_json, (select count(*) from "
                        + "population_build_members m where m.build_id = :build and m.prototype_id = p.prototype_id) "
                        + "from population_build_prototypes p join " + numbered + " on n.prototype_id = p.prototype_id "
                        + "where p.build_id = :build").setParameter("build", buildId).executeUpdate())
                .chain(() -> session.createNativeQuery("insert into prototype_memberships (member_id, user_id, "
                        + "prototype_id, embedding_json) select m.user_id, m.user_id, n.served_id, m.embedding_json from "
                        + "population_build_members m join " + numbered + " on n.prototype_id = m.prototype_id "
                        + "where m.build_id = :build").setParameter("build", buildId).executeUpdate())
                .chain(() -> session.createNativeQuery("insert into users (user_id, history_version, pair_count, "
                        + "history_json) select m.user_id, h.history_version, h.pair_count, h.history_json from "
                        + "population_build_members m join histories h on h.user_id = m.user_id and "
                        + "h.history_version = m.history_version where m.build_id = :build on conflict (user_id) do "
                        + "update set history_version = excluded.history_version, pair_count = excluded.pair_count, "
                        + "history_json = excluded.history_json, updated_at = now()")
                        .setParameter("build", buildId).executeUpdate())
                .chain(() -> session.createNativeQuery("update population_builds set published_seq = "
                        + "nextval('population_publications') where build_id = :build")
                        .setParameter("build", buildId).executeUpdate())));
        return summary(buildId);
    }

    private PopulationSummary summary(long buildId) {
        Object[] counts = ReactiveRunStore.await(() -> sessions.withSession(session -> session.createNativeQuery(
                "select count(*), coalesce(sum(h.pair_count), 0), count(m.embedding_json), count(m.failure), "
                        + "(select count(*) from prototypes) from "
                        + "population_build_members m left join histories h on h.user_id = m.user_id and "
                        + "h.history_version = m.history_version where m.build_id = :build", Object[].class)
                .setParameter("build", buildId).getSingleResult()));
        List<String> costs = ReactiveRunStore.await(() -> sessions.withSession(session -> session.createNativeQuery(
                "select cost_json from population_build_batches where build_id = :build", String.class)
                .setParameter("build", buildId).getResultList()));
        CallCost cost = costs.stream().map(text -> json.read(text, CallCost.class)).reduce(CallCost.NONE, CallCost::plus);
        return new PopulationSummary(((Number) counts[0]).intValue(), ((Number) counts[1]).intValue(),
                ((Number) counts[2]).intValue(), ((Number) counts[4]).intValue(), ((Number) counts[3]).intValue(),
                cost);
    }
}
