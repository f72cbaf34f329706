package io.pgenrm.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgenrm.domain.CallCost;
import io.pgenrm.prototype.PrototypeIndex;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every form of the report says which Pro-M found the neighbours. */
class ProMLineTest {
    private static EvaluationReport reportWith(PopulationSetup setup) {
        EvaluationReport sample = Reports.sample("pro-m");
        return EvaluationReport.of(sample.reportId(), sample.input(), sample.backend(), setup, sample.plans());
    }

    @Test
    void aPaperPopulationIsNamedWithItsPrototypesAnalysesAndUsersInConsoleHtmlAndJson() throws Exception {
        PrototypeIndex index = PrototypeIndex.overAnalyses(
                Map.of("a#0", new double[] {1, 0}, "a#1", new double[] {0.9, 0.1}, "b#0", new double[] {0, 1}),
                Map.of("a#0", "a", "a#1", "a", "b#0", "b"), 2, 7);
        EvaluationReport report = reportWith(PopulationSetup.of(2, index, new CallCost(3, 0, 0, 0, 0), 10));
        String line = "paper: 2 prototypes of 3 chain analyses of 2 users' past choices, each item placed by the "
                + "analysis of its user's own chain";

        assertThat(report.population().proM()).isEqualTo(line);
        assertThat(ConsoleSummary.of(report)).contains("Pro-M " + line + "\n");
        assertThat(HtmlPage.of(report)).contains("Pro-M " + HtmlPage.escape(line) + ".</p>");
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(report))
                .contains("\"proM\":\"paper: 2 prototypes");
    }

    @Test
    void aPersonaPopulationIsNamedAsSuch() {
        PrototypeIndex index = PrototypeIndex.build(Map.of("u1", new double[] {1, 0}, "u2", new double[] {0, 1}), 0,
                7);

        assertThat(PopulationSetup.of(2, index, CallCost.NONE, 10).proM())
                .isEqualTo("persona: 1 prototypes of 2 users, each user placed by their persona");
    }
}
