package io.pgenrm.persistence;

import io.pgenrm.bench.ItemOutcome;
import io.pgenrm.bench.RunInfo;
import io.pgenrm.bench.RunStore;
import io.pgenrm.domain.EvaluationResult;
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

    @Override
    public void openRun(RunInfo run) {
        await(() -> sessions.withTransaction(session -> session.find(BatchRunEntity.class, run.runId())
                .chain(existing -> {
                    if (existing != null) {
                        existing.status = "RUNNING";
                        return Uni.createFrom().voidItem();
                    }
                    BatchRunEntity entity = new BatchRunEntity();
                    entity.runId = run.runId();
                    entity.input = run.input();
                    entity.backend = run.backend();
                    entity.scalingJson = json.write(run.scaling());
                    entity.status = "RUNNING";
                    return session.persist(entity);
                })));
    }

    @Override
    public Set<String> finishedItemIds(String runId) {
        List<String> ids = await(() -> sessions.withSession(session -> session
                .createSelectionQuery("select i.key.itemId from BatchItemEntity i where i.key.runId = :run", String.class)
                .setParameter("run", runId).getResultList()));
        return new HashSet<>(ids);
    }

    @Override
    public boolean recordItem(ItemOutcome outcome, EvaluationResult result) {
        BatchItemEntity.Key key = new BatchItemEntity.Key(outcome.runId(), outcome.itemId());
        return await(() -> sessions.withTransaction(session -> session.find(BatchItemEntity.class, key)
                .chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().item(false);
                    }
                    BatchItemEntity entity = new BatchItemEntity();
                    entity.key = key;
                    entity.userId = outcome.userId();
                    entity.status = outcome.status().name();
                    entity.outcomeJson = json.write(outcome);
                    entity.resultJson = result == null ? null : json.write(result);
                    entity.reason = outcome.reason();
                    return session.persist(entity).replaceWith(true);
                })));
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
