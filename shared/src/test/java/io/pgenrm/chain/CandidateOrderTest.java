package io.pgenrm.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CandidateOrderTest {

    @Test
    void identityShowsCandidatesInTheirOwnOrder() {
        CandidateOrder order = CandidateOrder.identity(3);

        assertThat(order.shownToOriginal()).containsExactly(0, 1, 2);
        assertThat(order.size()).isEqualTo(3);
    }

    @Test
    void sameSeedGivesSameOrderAndDifferentSeedsDiffer() {
        assertThat(CandidateOrder.shuffled(8, 42)).isEqualTo(CandidateOrder.shuffled(8, 42));
        Set<List<Integer>> orders = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            orders.add(CandidateOrder.shuffled(8, seed).shownToOriginal());
        }
        assertThat(orders).hasSizeGreaterThan(15);
    }

    @Test
    void everyPermutationOfFourIsReachable() {
        Set<List<Integer>> seen = new HashSet<>();
        for (long seed = 0; seed < 2_000 && seen.size() < 24; seed++) {
            seen.add(CandidateOrder.shuffled(4, seed).shownToOriginal());
        }
        assertThat(seen).hasSize(24);
    }

    @Test
    void positionsAndOriginalsAreInverse() {
        CandidateOrder order = new CandidateOrder(List.of(2, 0, 1));

        assertThat(order.originalAt(0)).isEqualTo(2);
        assertThat(order.shownPositionOf(2)).isEqualTo(0);
        assertThat(order.shownPositionOf(0)).isEqualTo(1);
        for (int p = 0; p < 3; p++) {
            assertThat(order.shownPositionOf(order.originalAt(p))).isEqualTo(p);
        }
    }

    @Test
    void judgedValuesReturnToTheCallersOrder() {
        CandidateOrder order = new CandidateOrder(List.of(2, 0, 1));
        List<String> candidates = List.of("a", "b", "c");

        List<String> shown = order.toShownOrder(candidates);

        assertThat(shown).containsExactly("c", "a", "b");
        assertThat(order.toOriginalOrder(shown)).isEqualTo(candidates);
        assertThat(order.toOriginalOrder(List.of(9.0, 7.0, 8.0))).containsExactly(7.0, 8.0, 9.0);
    }

    @Test
    void rejectsWhatIsNotAPermutation() {
        assertThatThrownBy(() -> new CandidateOrder(List.of(0, 0, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("permutation");
        assertThatThrownBy(() -> new CandidateOrder(List.of(0, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("permutation");
        assertThatThrownBy(() -> CandidateOrder.shuffled(0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("candidateCount");
    }

    @Test
    void rejectsListsOfTheWrongSize() {
        CandidateOrder order = CandidateOrder.identity(3);

        assertThatThrownBy(() -> order.toOriginalOrder(List.of(1, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs 3 values, got 2");
        assertThatThrownBy(() -> order.originalAt(3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shownPosition");
    }
}
