package io.pgenrm.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadTest {

    @Test
    void sampleStandardDeviationDividesByNMinusOne() {
        Spread spread = Spread.of(List.of(0.60, 0.64, 0.68));

        assertThat(spread.mean()).isCloseTo(0.64, within(1e-12));
        // deviations -0.04, 0, 0.04: squares sum to 0.0032, over n - 1 = 2 gives 0.0016, whose root is 0.04.
        assertThat(spread.std()).isCloseTo(0.04, within(1e-12));
        assertThat(spread.values()).containsExactly(0.60, 0.64, 0.68);
        assertThat(spread.asPercent()).isEqualTo("64.00 ± 4.00%");
    }

    @Test
    void aSingleRunHasNoSpread() {
        Spread spread = Spread.of(List.of(0.6504));

        assertThat(spread.std()).isZero();
        assertThat(spread.asPercent()).isEqualTo("65.04%");
    }

    @Test
    void identicalRunsHaveZeroSpread() {
        assertThat(Spread.of(List.of(0.5, 0.5, 0.5)).std()).isZero();
        assertThat(Spread.of(List.of(0.5, 0.5, 0.5)).asPercent()).isEqualTo("50.00 ± 0.00%");
    }
}
