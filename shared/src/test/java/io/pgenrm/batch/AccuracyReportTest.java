package io.pgenrm.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pgenrm.domain.ScalingPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccuracyReportTest {

    @Test
    void tiesUnscoredAndFailedItemsAreMissesInTheDenominator() {
        AccuracyReport report = new Outcomes("run").add(6, ItemStatus.CORRECT, 12, 3)
                .add(1, ItemStatus.INCORRECT, 12, 3).add(1, ItemStatus.TIE, 12, 3)
                .add(1, ItemStatus.UNSCORED, 12, 3).add(1, ItemStatus.FAILED, 12, 3)
                .report(ScalingPlan.of(4, 4), List.of(), 1000);

        assertThat(report.items()).isEqualTo(10);
        assertThat(report.accuracy()).isEqualTo(0.6);
        assertThat(report).extracting(AccuracyReport::incorrect, AccuracyReport::ties, AccuracyReport::unscored,
                AccuracyReport::failed).containsExactly(1, 1, 1, 1);
        assertThat(report.parseFailures()).isEqualTo(2);
        assertThat(report.callFailures()).isEqualTo(1);
        assertThat(report.calls()).isEqualTo(27);
        assertThat(report.callsPerItem()).isCloseTo(2.7, within(1e-9));
        assertThat(report.meanItemMillis()).isEqualTo(20);
    }

    @Test
    void groupsByHistoryLengthIncludeColdStart() {
        AccuracyReport report = new Outcomes("run").add(1, ItemStatus.CORRECT, 0, 1).add(3, ItemStatus.INCORRECT, 0, 1)
                .add(2, ItemStatus.CORRECT, 3, 1).add(1, ItemStatus.TIE, 7, 1).add(1, ItemStatus.CORRECT, 7, 1)
                .report(ScalingPlan.of(1, 4), List.of(), 10);

        assertThat(report.byHistoryLength()).extracting(AccuracyReport.Group::label)
                .containsExactly("0 pairs (cold start)", "1-4 pairs", "5-9 pairs");
        AccuracyReport.Group cold = report.byHistoryLength().get(0);
        assertThat(cold.items()).isEqualTo(4);
        assertThat(cold.accuracy()).isEqualTo(0.25);
        assertThat(report.byHistoryLength().get(2).ties()).isEqualTo(1);
        assertThat(report.byHistoryLength().get(2).accuracy()).isEqualTo(0.5);
    }

    @Test
    void rejectedRowsAreMissesButNeitherUsersNorColdStart() {
        RowError rejected = new RowError("line-3-abc", 3, "not a valid row");
        AccuracyReport report = new Outcomes("run").add(3, ItemStatus.CORRECT, 0, 1).rejectedRow("line-3-abc")
                .report(ScalingPlan.of(1, 0), List.of(rejected), 10);

        assertThat(report.items()).isEqualTo(4);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.accuracy()).isEqualTo(0.75);
        assertThat(report.users()).isEqualTo(3);
        assertThat(report.byHistoryLength()).singleElement()
                .satisfies(g -> assertThat(g.items()).isEqualTo(3))
                .satisfies(g -> assertThat(g.accuracy()).isEqualTo(1.0));
        assertThat(report.meanItemMillis()).isEqualTo(20);
    }
}
