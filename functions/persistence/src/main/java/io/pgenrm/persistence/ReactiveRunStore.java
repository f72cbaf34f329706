package io.pgenrm.persistence;

import io.pgenrm.batch.ItemOutcome;
import io.pgenrm.batch.RunInfo;
import io.pgenrm.batch.RunStore;
import io.pgenrm.domain.EvaluationResult;
import io.pgenrm.domain.Scenario;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Batch runs and items in PostgreSQL through Hibernate Reactive. The batch runner is blocking code on its own
 * threads, so each call runs on a Vert.x context and waits for it.
 */
@ApplicationScoped
public class ReactiveRunStore implements RunStore {
    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    JsonColumns json;

    /** An upsert, because many Lambdas of one batch open the same run at once. */
    @Override
    public void openRun(RunInfo run) {
        String scaling = json.write(run.scaling());
        await(() -> sessions.withTransaction(session -> session.createNativeQuery(
                "insert into batch_runs (run_id, input, backend, scaling_json, status) "
                        + "values (:run, :input, :backend, :scaling, 'RUNNING') "
                        + "on conflict (run_id) do update set status = 'RUNNING'")
                .setParameter("run", run.runId()).setParameter("input", run.input())
                .setParameter("backend", run.backend()).setParameter("scaling", scaling).executeUpdate()));
    }

    @Override
    public Set<String> finishedItemIds(String runId) {
        List<String> ids = await(() -> sessions.withSession(session -> session
                .createSelectionQuery("select i.key.itemId from BatchItemEntity i where i.key.runId = :run", String.class)
                .setParameter("run", runId).getResultList()));
        return new HashSet<>(ids);
    }

    /**
     * One statement that inserts unless the item is there: two writers of the same item (a retried Lambda, two
     * processes resuming one run) cannot both store it, and neither fails.
     */
    @Override
    public boolean recordItem(ItemOutcome outcome, EvaluationResult result, Scenario scenario) {
        String outcomeJson = json.write(outcome);
        String resultJson = result == null ? null : json.write(result);
        String scenarioJson = scenario == null ? null : json.write(scenario);
        Integer inserted = await(() -> sessions.withTransaction(session -> session.createNativeQuery(
                "insert into batch_items (run_id, item_id, user_id, status, outcome_json, result_json, reason, "
                        + "scenario_json) values (:run, :item, :user, :status, :outcome, :result, :reason, :scenario) "
                        + "on conflict (run_id, item_id) do nothing")
                .setParameter("run", outcome.runId()).setParameter("item", outcome.itemId())
                .setParameter("user", outcome.userId()).setParameter("status", outcome.status().name())
                .setParameter("outcome", outcomeJson).setParameter("result", resultJson)
                .setParameter("reason", outcome.reason()).setParameter("scenario", scenarioJson).executeUpdate()));
        return inserted == 1;
    }

    @Override
    public List<ItemOutcome> outcomes(String runId) {
        List<String> rows = await(() -> sessions.withSession(session -> session
                .createSelectionQuery("select i.outcomeJson from BatchItemEntity i where i.key.runId = :run "
                        + "order by i.key.itemId", String.class)
                .setParameter("run", runId).getResultList()));
        return rows.stream().map(row -> json.read(row, ItemOutcome.class)).toList();
    }

    /** The stored evaluation result (with its chains) of one item, if it was scored. */
    public EvaluationResult result(String runId, String itemId) {
        BatchItemEntity entity = await(() -> sessions.withSession(
                session -> session.find(BatchItemEntity.class, new BatchItemEntity.Key(runId, itemId))));
        return entity == null || entity.resultJson == null ? null : json.read(entity.resultJson, EvaluationResult.class);
    }

    @Override
    public void closeRun(String runId, String reportJson) {
        await(() -> sessions.withTransaction(session -> session.find(BatchRunEntity.class, runId).invoke(run -> {
            run.status = "FINISHED";
            run.reportJson = reportJson;
            run.finishedAt = OffsetDateTime.now();
        })));
    }

    static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("database call failed: " + e.getMessage(), e);
        }
    }
}
