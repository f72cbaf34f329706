package io.pgenrm.workflow;

import io.pgenrm.batch.BenchmarkDataset;
import io.pgenrm.batch.BenchmarkItem;
import io.pgenrm.domain.EvaluationResult;
import io.pgenrm.domain.ScalingPlan;
import io.pgenrm.local.BgeSmallEmbedder;
import io.pgenrm.local.LocalJudge;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The local backend over a data set's population, in-process, as {@code pgenrm evaluate} runs it. */
final class LocalEngine implements AutoCloseable {
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final BenchmarkDataset data;
    private final EvaluationWorkflow workflow;
    private Population population = Population.EMPTY;

    LocalEngine(BenchmarkDataset data) {
        this.data = data;
        UserDirectory users = id -> population.find(id);
        DirectEvaluationSteps steps = new DirectEvaluationSteps(new LocalJudge(new BgeSmallEmbedder()),
                new InMemoryPersonaCache(), () -> population.index(), users, 0);
        population = PopulationBuilder.build(data.histories(), steps, pool, 0, PopulationBuilder.PROTOTYPE_SEED)
                .population();
        workflow = new EvaluationWorkflow(steps, users, pool);
    }

    EvaluationResult evaluate(BenchmarkItem item, ScalingPlan plan) {
        return workflow.evaluate(item.toRequest(plan));
    }

    /** Strict accuracy over every test item: ties and unscored items are misses. */
    double accuracy(ScalingPlan plan) {
        long correct = data.items().stream().filter(item -> {
            EvaluationResult result = evaluate(item, plan);
            return result.choice() != null && result.choice() == item.expectedChoice();
        }).count();
        return (double) correct / data.items().size();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
