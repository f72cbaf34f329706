package io.pgenrm.app.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.pgenrm.domain.EvaluationResult;
import io.pgenrm.domain.ScalingPlan;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The item page's account of how a reward was combined must give the reward the aggregator gave. */
class ResultViewTest {

    @Test
    void theFormulaOfEachCandidateEndsInItsReward() {
        ScalingPlan plan = new ScalingPlan(2, 2, 0.7, 0.3);
        EvaluationResult result = StoredChains.result("u1", 1.5, plan, 0);

        ResultView view = ResultView.of(result, plan, 2);

        assertThat(view.formulas()).hasSize(2);
        for (int c = 0; c < 2; c++) {
            var reward = result.rewards().get(c);
            assertThat(view.formulas().get(c)).isEqualTo(String.format(Locale.ROOT,
                    "%s: (0.70 × %.3f + 0.30 × %.3f) / 1.00 = %.3f", c == 0 ? "A" : "B", reward.selfMean(),
                    reward.prototypeMean(), reward.reward()));
        }
        assertThat(view.verdict()).isEqualTo("prefers A");
        assertThat(view.own()).hasSize(2);
        assertThat(view.theirs()).hasSize(2);
    }

    @Test
    void whenNoNeighbourWasScoredTheOwnSamplesCarryTheWholeWeightAndTheFailuresShow() {
        ScalingPlan plan = ScalingPlan.of(1, 2);
        EvaluationResult result = StoredChains.result("u1", -2, plan, 2);

        ResultView view = ResultView.of(result, plan, 2);

        var a = result.rewards().get(0);
        assertThat(a.prototypeMean()).isNull();
        assertThat(view.formulas().get(0)).isEqualTo(String.format(Locale.ROOT,
                "A: (0.50 × %.3f) / 0.50 = %.3f", a.selfMean(), a.reward()));
        assertThat(view.combinationNote()).contains("own samples carry the whole weight");
        assertThat(view.theirsScored()).isEqualTo("0 of 2 scored");
        assertThat(view.theirs()).allSatisfy(chain -> {
            assertThat(chain.scored()).isFalse();
            assertThat(chain.status()).isEqualTo("parse failure");
            assertThat(chain.rawOutput()).isEqualTo("I cannot decide.");
        });
        assertThat(view.failures()).isEqualTo("2 parse failures, 0 call failures");
        assertThat(view.verdict()).isEqualTo("prefers B");
    }

    @Test
    void theHeatMapHasOneRowPerCriterionWithItsWeightAndMarksTheSamplesFavourite() {
        ScalingPlan plan = ScalingPlan.of(1, 0);
        EvaluationResult result = StoredChains.result("u1", 2, plan, 0);

        ChainView chain = ResultView.of(result, plan, 2).own().get(0);

        assertThat(chain.criteria()).extracting(ChainView.CriterionRow::name, ChainView.CriterionRow::weight)
                .containsExactly(tuple("Brevity", "60.0%"),
                        tuple("Practicality", "40.0%"));
        // Brevity: A 8, B 4; Practicality: A 8, B 6.
        assertThat(chain.criteria().get(0).cells()).extracting(ChainView.Cell::score, ChainView.Cell::heat)
                .containsExactly(tuple("8.0", "h8"),
                        tuple("4.0", "h4"));
        assertThat(chain.totals()).extracting(ChainView.Cell::score, ChainView.Cell::best)
                .containsExactly(tuple("8.00", true),
                        tuple("4.80", false));
        assertThat(chain.persona().traits()).first().satisfies(trait -> {
            assertThat(trait.dimension()).isEqualTo("style");
            assertThat(trait.evidence()).contains("chose the 3-line recipe over the 12-line one");
        });
    }
}
