package io.pgenrm.persistence;

import io.pgenrm.domain.PreferencePair;
import io.pgenrm.workflow.HistoryStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
}
