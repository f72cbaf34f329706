package io.pgenrm.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProportionTest {
    private static List<Double> hits(int hits, int misses) {
        List<Double> credit = new ArrayList<>(Collections.nCopies(hits, 1.0));
        credit.addAll(Collections.nCopies(misses, 0.0));
        return credit;
    }

    @Test
    void aboutTwoHundredFiftyItemsGiveAnIntervalOfAboutSixPointsEachSide() {
        Proportion p = Proportion.of(hits(163, 90));

        assertThat(p.value()).isEqualTo(163 / 253.0);
        assertThat(p.lower()).isBetween(p.value() - 0.075, p.value() - 0.045);
        assertThat(p.upper()).isBetween(p.value() + 0.045, p.value() + 0.075);
        assertThat(p.asPercent()).startsWith("64.43% [");
    }

    @Test
    void moreItemsNarrowTheIntervalAndTheSameOutcomesGiveTheSameInterval() {
        Proportion small = Proportion.of(hits(65, 35));
        Proportion large = Proportion.of(hits(650, 350));

        assertThat(large.upper() - large.lower()).isLessThan((small.upper() - small.lower()) / 2);
        assertThat(Proportion.of(hits(65, 35))).isEqualTo(small);
    }

    @Test
    void tiesCountedAsHalfSitBetweenMissAndHit() {
        List<Double> credit = hits(2, 1);
        credit.add(0.5);

        assertThat(Proportion.of(credit).value()).isEqualTo(2.5 / 4);
    }
}
