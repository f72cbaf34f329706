package io.pgenrm.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PlanReportTest {
    private final EvaluationReport report = Reports.sample("sample-local-ind4-pro4");

    private PlanReport plan(String label) {
        return report.plans().stream().filter(p -> p.plan().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void accuracyIsMeanAndSampleStdOfTheRunsWithTiesAndFailuresAsMisses() {
        PlanReport p = plan("Ind-4/Pro-4");

        assertThat(p.accuracy().values()).containsExactly(0.6, 0.7, 0.5);
        assertThat(p.accuracy().mean()).isCloseTo(0.6, within(1e-12));
        assertThat(p.accuracy().std()).isCloseTo(0.1, within(1e-12));
        assertThat(p.evaluations()).isEqualTo(30);
        assertThat(p.correct() + p.incorrect() + p.ties() + p.unscored() + p.failed()).isEqualTo(30);
        assertThat(p).extracting(PlanReport::correct, PlanReport::ties, PlanReport::unscored, PlanReport::failed)
                .containsExactly(18, 2, 2, 3);
        assertThat(p.parseFailures()).isEqualTo(4);
        assertThat(p.callFailures()).isEqualTo(2);
    }

    @Test
    void historyGroupsIncludeColdStartWithTheirOwnSpread() {
        PlanReport p = plan("Ind-4/Pro-4");

        assertThat(p.byHistoryLength()).extracting(GroupReport::label)
                .containsExactly("0 pairs (cold start)", "10+ pairs");
        GroupReport cold = p.byHistoryLength().get(0);
        assertThat(cold.items()).isEqualTo(2);
        assertThat(cold.accuracy().values()).containsExactly(0.5, 0.5, 0.5);
        assertThat(cold.accuracy().std()).isZero();
        GroupReport rich = p.byHistoryLength().get(1);
        assertThat(rich.accuracy().values()).containsExactly(5 / 8.0, 6 / 8.0, 4 / 8.0);
        assertThat(rich.accuracy().std()).isCloseTo(0.125, within(1e-12));
        assertThat(rich.ties()).isEqualTo(2);
    }

    @Test
    void costsArePerEvaluationOverEveryRun() {
        PlanReport p = plan("Ind-4/Pro-4");

        // 20 calls and one cached call per evaluated item; the 3 failed items cost nothing.
        assertThat(p.calls()).isEqualTo(27 * 20);
        assertThat(p.callsPerEvaluation()).isCloseTo(18.0, within(1e-9));
        assertThat(p.cachedCallsPerEvaluation()).isCloseTo(0.9, within(1e-9));
        assertThat(p.promptTokensPerEvaluation()).isCloseTo(1800, within(1e-9));
        assertThat(p.completionTokensPerEvaluation()).isCloseTo(180, within(1e-9));
        assertThat(p.wallMillis()).isEqualTo(1500);
    }

    @Test
    void accuracyVersusCostIsOrderedByTheCallsEachPlanNeeds() {
        assertThat(report.plans()).extracting(PlanReport::plan).containsExactly("Ind-4/Pro-4", "Ind-1/Pro-0");
        assertThat(report.accuracyVersusCost()).extracting(CostRow::plan).containsExactly("Ind-1/Pro-0",
                "Ind-4/Pro-4");
        CostRow ind1 = report.accuracyVersusCost().get(0);
        assertThat(ind1.callsPerEvaluation()).isEqualTo(3.0);
        assertThat(ind1.neededCallsPerEvaluation()).isEqualTo(4.0);
        assertThat(ind1.accuracy().asPercent()).isEqualTo("50.00 ± 0.00%");
        assertThat(report.repeats()).isEqualTo(3);
        assertThat(report.itemsPerRun()).isEqualTo(10);
    }

    @Test
    void consoleSummaryPrintsSpreadGroupsAndTheCostTable() {
        String text = ConsoleSummary.of(report);

        assertThat(text).contains("plan Ind-4/Pro-4  accuracy 60.00 ± 10.00%  (runs 60.00 70.00 50.00)")
                .contains("30 evaluations (10 items x 3 runs): 18 correct, 5 incorrect, 2 ties, 2 unscored, 3 failed;"
                        + " parse failures 4, call failures 2")
                .containsPattern("history 0 pairs \\(cold start\\) +2 items  accuracy 50\\.00 ± 0\\.00%")
                .contains("accuracy versus cost (per evaluation; 3 repeats)")
                .containsPattern("Ind-1/Pro-0 +3\\.0 +1\\.0 +300 +30  50\\.00 ± 0\\.00% +1\\.5 s")
                .doesNotContain("resumed");
    }
}
