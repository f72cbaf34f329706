package io.pgenrm.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgenrm.batch.BenchmarkDataset;
import io.pgenrm.batch.BenchmarkItem;
import io.pgenrm.domain.EvaluationResult;
import io.pgenrm.domain.SampleSource;
import io.pgenrm.domain.ScalingPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The synthetic example file: a smoke test of the whole local engine, not evidence of personalization. */
class LocalBackendAccuracyTest {
    private static final Path SAMPLE = Path.of("..", "examples", "personal-reward-bench-sample.jsonl");
    private static BenchmarkDataset data;
    private static LocalEngine engine;

    @BeforeAll
    static void buildPopulation() throws Exception {
        data = BenchmarkDataset.load(SAMPLE);
        engine = new LocalEngine(data);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void theDefaultPlanStaysAboveSixtyPercentOnTheExampleData() {
        assertThat(engine.accuracy(ScalingPlan.of(4, 4))).isGreaterThan(0.6);
    }

    @Test
    void usersWithoutHistoryAreScoredThroughPrototypeNeighbours() {
        BenchmarkItem cold = data.items().stream()
                .filter(item -> data.histories().get(item.userId()).pairs().isEmpty()).findFirst().orElseThrow();
        EvaluationResult result = engine.evaluate(cold, ScalingPlan.of(1, 4));

        assertThat(result.neighbours()).hasSize(4).doesNotContain(cold.userId());
        assertThat(result.chains().stream().filter(c -> c.source() == SampleSource.NEIGHBOUR && c.scored()))
                .hasSize(4);
        assertThat(result.choice()).isNotNull();
    }
}
