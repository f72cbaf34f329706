package io.pgenrm.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressLineTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void rateAndEtaCountOnlyItemsFinishedByThisProcess() {
        // 100 items resumed from an earlier process, 20 done here in 10 s: 2 items/s, 80 left, 40 s to go.
        ProgressLine line = new ProgressLine(200, 100, 20, 1, 0, FaultCounts.NONE, 10 * SECOND);

        assertThat(line.done()).isEqualTo(120);
        assertThat(line.rate()).isEqualTo(2.0);
        assertThat(line.etaSeconds()).isEqualTo(40);
        assertThat(line.text(false)).isEqualTo("120/200 items (100 resumed)  2.0 items/s  ETA 0:40  1 failed");
    }

    @Test
    void etaIsUnknownUntilAnItemFinishes() {
        ProgressLine line = new ProgressLine(246, 0, 0, 0, 0, FaultCounts.NONE, 3 * SECOND);

        assertThat(line.etaSeconds()).isEqualTo(-1);
        assertThat(line.text(false)).isEqualTo("0/246 items  0.0 items/s  ETA --:--  0 failed");
    }

    @Test
    void barFillsWithTheItemsDoneIncludingResumedOnes() {
        assertThat(new ProgressLine(100, 25, 25, 0, 2, FaultCounts.NONE, 5 * SECOND).text(true))
                .isEqualTo("[##########----------] 50/100 items (25 resumed)  5.0 items/s  ETA 0:10  0 failed, "
                        + "2 unscored");
        assertThat(new ProgressLine(10, 0, 10, 0, 0, FaultCounts.NONE, SECOND).text(true)).startsWith("[####################] 10/10");
        assertThat(new ProgressLine(10, 0, 10, 0, 0, FaultCounts.NONE, SECOND).etaSeconds()).isZero();
    }

    @Test
    void durationsReadAsClockTime() {
        assertThat(ProgressLine.duration(0)).isEqualTo("0:00");
        assertThat(ProgressLine.duration(59)).isEqualTo("0:59");
        assertThat(ProgressLine.duration(61)).isEqualTo("1:01");
        assertThat(ProgressLine.duration(3599)).isEqualTo("59:59");
        assertThat(ProgressLine.duration(3 * 3600 + 5 * 60 + 7)).isEqualTo("3:05:07");
        assertThat(ProgressLine.duration(-1)).isEqualTo("--:--");
    }
}
