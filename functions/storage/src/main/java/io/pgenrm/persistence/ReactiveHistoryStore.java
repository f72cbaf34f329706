package io.pgenrm.persistence;

import io.pgenrm.domain.PreferencePair;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.domain.UserProfile;
import io.pgenrm.workflow.HistoryStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/** Train rows of batch runs in PostgreSQL, written by many concurrent registerHistoryRow invocations. */
@ApplicationScoped
public class ReactiveHistoryStore implements HistoryStore {
    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    JsonColumns json;

    /** One statement, so concurrent or repeated registrations of a row neither fail nor store it twice. */
    @Override
    public boolean add(String runId, String pairId, int index, String userId, PreferencePair pair) {
        String pairJson = json.write(pair);
        Integer inserted = ReactiveRunStore.await(() -> sessions.withTransaction(session -> session.createNativeQuery(
                "insert into history_pairs (run_id, pair_id, row_index, user_id, pair_json) "
                        + "values (:run, :pair, :index, :user, :json) on conflict (run_id, pair_id) do nothing")
                .setParameter("run", runId).setParameter("pair", pairId).setParameter("index", index)
                .setParameter("user", userId).setParameter("json", pairJson).executeUpdate()));
        return inserted == 1;
    }

    @Override
    public Map<String, UserHistory> histories(String runId) {
        List<HistoryPairEntity> rows = ReactiveRunStore.await(() -> sessions.withSession(session -> session
                .createSelectionQuery("from HistoryPairEntity p where p.key.runId = :run "
                        + "order by p.rowIndex, p.key.pairId", HistoryPairEntity.class)
                .setParameter("run", runId).getResultList()));
        Map<String, List<PreferencePair>> pairs = new LinkedHashMap<>();
        for (HistoryPairEntity row : rows) {
            pairs.computeIfAbsent(row.userId, u -> new ArrayList<>()).add(json.read(row.pairJson, PreferencePair.class));
        }
        Map<String, UserHistory> histories = new LinkedHashMap<>();
        pairs.forEach((user, list) -> histories.put(user, new UserHistory(user, list, UserProfile.EMPTY)));
        return histories;
    }
}
