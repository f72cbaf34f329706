package io.pgenrm.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgenrm.api.EvaluateRequest;
import io.pgenrm.domain.Message;
import io.pgenrm.domain.ScalingPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkItemTest {
    private final BenchmarkItem item = new BenchmarkItem("line-7-0a1b2c3d", "u1", 7,
            List.of(new Message("user", "How do I boil an egg?")), "Boil it 9 minutes.", "Fry it.");

    @Test
    void repeatZeroKeepsTheItemIdSoEarlierRunsResume() {
        assertThat(item.toRequest(ScalingPlan.of(4, 4), 0).requestId()).isEqualTo("line-7-0a1b2c3d");
        assertThat(item.toRequest(ScalingPlan.of(4, 4)).requestId()).isEqualTo("line-7-0a1b2c3d");
    }

    @Test
    void repeatsDifferOnlyInTheRequestId() {
        EvaluateRequest first = item.toRequest(ScalingPlan.of(4, 4), 0);
        EvaluateRequest third = item.toRequest(ScalingPlan.of(4, 4), 2);

        assertThat(third.requestId()).isEqualTo("line-7-0a1b2c3d#r2");
        assertThat(third.scenario()).isEqualTo(first.scenario());
        assertThat(third.userId()).isEqualTo(first.userId());
        assertThat(third.scaling()).isEqualTo(first.scaling());
    }
}
