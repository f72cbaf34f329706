package io.pgenrm.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgenrm.bench.BenchmarkDataset;
import io.pgenrm.bench.BenchmarkItem;
import io.pgenrm.domain.EvaluationResult;
import io.pgenrm.domain.ScalingPlan;
import io.pgenrm.local.LocalJudge;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LocalBackendAccuracyTest {
    private static final Path SAMPLE = Path.of("..", "examples", "personal-reward-bench-sample.jsonl");
    private static ExecutorService pool;
    private static BenchmarkDataset data;
    private static DirectEvaluationSteps steps;
    private static EvaluationWorkflow workflow;

    @BeforeAll
    static void buildPopulation() throws Exception {
        pool = Executors.newFixedThreadPool(4);
        data = BenchmarkDataset.load(SAMPLE);
        Population[] holder = {Population.EMPTY};
        PrototypeCatalog catalog = () -> holder[0].index();
        UserDirectory users = id -> holder[0].find(id);
        steps = new DirectEvaluationSteps(new LocalJudge(), new InMemoryPersonaCache(), catalog, users, 0);
        holder[0] = PopulationBuilder.build(data.histories(), steps, pool, 0, 7).population();
        workflow = new EvaluationWorkflow(steps, users, pool);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    private static double accuracy(ScalingPlan plan, boolean coldStartOnly) {
        int correct = 0;
        int total = 0;
        for (BenchmarkItem item : data.items()) {
            boolean cold = data.histories().get(item.userId()).pairs().size() <= 2;
            if (coldStartOnly && !cold) {
                continue;
            }
            EvaluationResult result = workflow.evaluate(item.toRequest(plan));
            total++;
            if (result.choice() != null && result.choice() == item.expectedChoice()) {
                correct++;
            }
        }
        return (double) correct / total;
    }

    @Test
    void personalizedScoringBeatsChanceOnTheExampleData() {
        double ind1 = accuracy(ScalingPlan.of(1, 0), false);
        double ind4pro4 = accuracy(ScalingPlan.of(4, 4), false);
        System.out.printf("Ind-1 %.3f  Ind-4/Pro-4 %.3f%n", ind1, ind4pro4);
        assertThat(ind1).isGreaterThan(0.6);
        assertThat(ind4pro4).isGreaterThan(0.6);
    }

    @Test
    void prototypeNeighboursCarryUsersWithoutHistory() {
        double selfOnly = accuracy(ScalingPlan.of(1, 0), true);
        double withPrototype = accuracy(ScalingPlan.of(1, 4), true);
        System.out.printf("cold start: Ind-1 %.3f  Ind-1/Pro-4 %.3f%n", selfOnly, withPrototype);
        assertThat(withPrototype).isGreaterThan(selfOnly);
    }
}
