package io.pgenrm.persistence;

import io.pgenrm.api.PersonaRef;
import io.pgenrm.domain.EvaluationChain;
import io.pgenrm.domain.EvaluationResult;
import io.pgenrm.domain.Persona;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.workflow.EvaluationArchive;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Histories, personas, chains and results of evaluations on Step Functions in PostgreSQL. Many Lambdas write at once
 * (the samples of one evaluation, and many evaluations), so every write is one conflict-tolerant statement.
 */
@ApplicationScoped
public class ReactiveEvaluationArchive implements EvaluationArchive {
    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    JsonColumns json;

    /** Histories already stored are not sent again: a neighbour's long history is written once, not per evaluation. */
    @Override
    public void putHistories(Collection<UserHistory> histories) {
        if (histories.isEmpty()) {
            return;
        }
        Set<String> users = histories.stream().map(UserHistory::userId).collect(Collectors.toSet());
        List<Object[]> stored = ReactiveRunStore.await(() -> sessions.withSession(session -> session
                .createSelectionQuery("select h.key.userId, h.key.version from StoredHistoryEntity h "
                        + "where h.key.userId in :users", Object[].class)
                .setParameter("users", users).getResultList()));
        Set<String> present = stored.stream().map(row -> row[0] + "\n" + row[1]).collect(Collectors.toSet());
        Map<String, UserHistory> missing = new LinkedHashMap<>();
        for (UserHistory history : histories) {
            String version = history.version();
            if (!present.contains(history.userId() + "\n" + version)) {
                missing.put(history.userId() + "\n" + version, history);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        ReactiveRunStore.await(() -> sessions.withTransaction(session -> {
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (UserHistory history : missing.values()) {
                String historyJson = json.write(history);
                chain = chain.chain(() -> session.createNativeQuery("insert into histories (user_id, history_version, "
                        + "pair_count, history_json) values (:user, :version, :pairs, :json) on conflict do nothing")
                        .setParameter("user", history.userId()).setParameter("version", history.version())
                        .setParameter("pairs", history.pairs().size()).setParameter("json", historyJson)
                        .executeUpdate());
            }
            return chain;
        }));
    }

    @Override
    public Optional<UserHistory> history(String userId, String version) {
        StoredHistoryEntity entity = ReactiveRunStore.await(() -> sessions.withSession(session -> session
                .find(StoredHistoryEntity.class, new StoredHistoryEntity.Key(userId, version))));
        return Optional.ofNullable(entity).map(e -> json.read(e.historyJson, UserHistory.class));
    }

    @Override
    public void putPersona(Persona persona) {
        String personaJson = json.write(persona);
        ReactiveRunStore.await(() -> sessions.withTransaction(session -> session.createNativeQuery(
                "insert into personas (user_id, history_version, seed, persona_json) values (:user, :version, :seed, "
                        + ":json) on conflict (user_id, history_version, seed) do update "
                        + "set persona_json = excluded.persona_json")
                .setParameter("user", persona.userId()).setParameter("version", persona.historyVersion())
                .setParameter("seed", persona.seed()).setParameter("json", personaJson).executeUpdate()));
    }

    @Override
    public Optional<Persona> persona(PersonaRef ref) {
        List<String> found = ReactiveRunStore.await(() -> sessions.withSession(session -> session
                .createSelectionQuery("select p.personaJson from PersonaEntity p where p.userId = :user "
                        + "and p.historyVersion = :version and p.seed = :seed", String.class)
                .setParameter("user", ref.userId()).setParameter("version", ref.historyVersion())
                .setParameter("seed", ref.seed()).getResultList()));
        return found.stream().findFirst().map(text -> json.read(text, Persona.class));
    }

    @Override
    public void putChains(String evaluationId, Map<Integer, EvaluationChain> chains) {
        if (chains.isEmpty()) {
            return;
        }
        ReactiveRunStore.await(() -> sessions.withTransaction(session -> {
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (Map.Entry<Integer, EvaluationChain> entry : chains.entrySet()) {
                String chainJson = json.write(entry.getValue());
                chain = chain.chain(() -> session.createNativeQuery("insert into evaluation_chains (evaluation_id, "
                        + "slot, chain_json) values (:evaluation, :slot, :json) on conflict do nothing")
                        .setParameter("evaluation", evaluationId).setParameter("slot", entry.getKey())
                        .setParameter("json", chainJson).executeUpdate());
            }
            return chain;
        }));
    }

    @Override
    public Map<Integer, EvaluationChain> chains(String evaluationId) {
        List<EvaluationChainEntity> rows = ReactiveRunStore.await(() -> sessions.withSession(session -> session
                .createSelectionQuery("from EvaluationChainEntity c where c.key.evaluationId = :evaluation "
                        + "order by c.key.slot", EvaluationChainEntity.class)
                .setParameter("evaluation", evaluationId).getResultList()));
        Map<Integer, EvaluationChain> chains = new LinkedHashMap<>();
        for (EvaluationChainEntity row : rows) {
            chains.put(row.key.slot, json.read(row.chainJson, EvaluationChain.class));
        }
        return chains;
    }

    @Override
    public void putResult(String evaluationId, EvaluationResult result) {
        String resultJson = json.write(result);
        ReactiveRunStore.await(() -> sessions.withTransaction(session -> session.createNativeQuery(
                "insert into evaluations (evaluation_id, user_id, result_json) values (:evaluation, :user, :json) "
                        + "on conflict do nothing")
                .setParameter("evaluation", evaluationId).setParameter("user", result.userId())
                .setParameter("json", resultJson).executeUpdate()));
    }

    @Override
    public Optional<EvaluationResult> result(String evaluationId) {
        EvaluationEntity entity = ReactiveRunStore.await(() -> sessions.withSession(session -> session
                .find(EvaluationEntity.class, evaluationId)));
        return Optional.ofNullable(entity).map(e -> json.read(e.resultJson, EvaluationResult.class));
    }
}
