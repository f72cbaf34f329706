package io.pgenrm.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pgenrm.batch.Baseline;
import io.pgenrm.batch.BenchmarkDataset;
import io.pgenrm.domain.ScalingPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The yardstick: real PRISM users (read from the material beside the project, never copied into it; CI has it).
 * The default engine at the default plan must beat "pick the longer response" on the same test rows.
 */
class RealUsersAccuracyTest {
    private static final Path PRISM = Path.of("..", "..", "shared", "data", "prism-pj", "prism-pj-dev.jsonl");

    @Test
    void theDefaultPlanBeatsTheLongerResponseOnRealUsersByTwoPoints() throws Exception {
        assumeTrue(Files.isRegularFile(PRISM), "PRISM data not beside the project: " + PRISM.toAbsolutePath());
        BenchmarkDataset data = BenchmarkDataset.load(PRISM);
        double longer = Baseline.longer(data.items()).strict().value();

        try (LocalEngine engine = new LocalEngine(data)) {
            double accuracy = engine.accuracy(ScalingPlan.of(4, 4));
            System.out.printf("PRISM dev test rows: Ind-4/Pro-4 %.4f, longer response %.4f%n", accuracy, longer);
            assertThat(accuracy).isGreaterThanOrEqualTo(longer + 0.02);
        }
    }
}
