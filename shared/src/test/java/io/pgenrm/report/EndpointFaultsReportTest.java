package io.pgenrm.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pgenrm.batch.FaultCounts;
import io.pgenrm.batch.Outcomes;
import io.pgenrm.domain.CallCost;
import io.pgenrm.domain.ScalingPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the endpoint behaved, summed over a plan's runs, in each form of the report: console, JSON and HTML. */
class EndpointFaultsReportTest {
    private static final ScalingPlan PLAN = ScalingPlan.of(2, 1);
    /** One item's trouble: 3 retries after a 5xx, a 429 and a timeout, and one resample of a cut-off output. */
    private static final CallCost TROUBLED = new CallCost(7, 700, 70, 0, 40, 1, 3, 1, 1, 1, 1);

    private final EvaluationReport report = EvaluationReport.of("llm-run", "data.jsonl", "llm/staged",
            new PopulationSetup(4, 1, 4, 0, 0, 0, 100, "persona: 1 prototype of 4 users",
                    FaultCounts.of(new CallCost(4, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0))),
            List.of(PlanReport.of(PLAN, List.of(
                    new Outcomes("llm-run").addCorrect(2, TROUBLED).addCorrect(1, CallCost.oneCall(10, 1, 5))
                            .report(PLAN, List.of(), 300),
                    new Outcomes("llm-run-r1").addCorrect(1, TROUBLED).report(PLAN, List.of(), 300)))));

    @Test
    void aPlanSumsItsRunsFaults() {
        assertThat(report.plans().get(0).faults()).isEqualTo(new FaultCounts(9, 3, 3, 3, 3, 3));
        assertThat(report.plans().get(0).runs().get(1).faults()).isEqualTo(new FaultCounts(3, 1, 1, 1, 1, 1));
    }

    @Test
    void theConsoleSummaryHasAnEndpointLinePerPlan() {
        assertThat(ConsoleSummary.of(report))
                .contains("\n  endpoint: retries 9 (5xx 3, 429 3, timeouts 3), resamples 3 (cut off 3)\n");
    }

    @Test
    void theJsonReportCarriesTheCountsOfEveryRunPlanAndThePopulationSetup() throws Exception {
        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(report));

        assertThat(json.at("/plans/0/faults/retries").asLong()).isEqualTo(9);
        assertThat(json.at("/plans/0/faults/cutOffOutputs").asLong()).isEqualTo(3);
        assertThat(json.at("/plans/0/runs/0/faults/serverErrors").asLong()).isEqualTo(2);
        assertThat(json.at("/population/faults/serverErrors").asLong()).isEqualTo(1);
    }

    @Test
    void theHtmlPageHasTheCountsInTheOutcomeTable() {
        assertThat(HtmlPage.of(report)).contains("<th>retries</th><th>5xx</th><th>429</th><th>timeouts</th>"
                + "<th>resamples</th><th>cut off</th>").contains("<td>9</td><td>3</td><td>3</td><td>3</td><td>3</td>"
                + "<td>3</td>").contains("endpoint: retries 1 (5xx 1, 429 0, timeouts 0)");
    }

    @Test
    void theLocalBackendsConsoleSummaryLeavesTheLineOutWhenNothingWentWrong() {
        assertThat(ConsoleSummary.of(Reports.sample("local-run"))).doesNotContain("endpoint:");
    }
}
