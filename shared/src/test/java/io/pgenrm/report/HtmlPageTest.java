package io.pgenrm.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgenrm.batch.Baseline;
import io.pgenrm.batch.Proportion;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlPageTest {
    private static final String HOSTILE_ID = "run <script>alert(\"x\")</script> & 'co'";

    @Test
    void pageIsSelfContained() {
        String html = HtmlPage.of(Reports.sample("sample-local-ind4-pro4"));

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").endsWith("</html>\n")
                .doesNotContain("http").doesNotContain("<script").doesNotContain("<link")
                .doesNotContain("src=").doesNotContain("href=").doesNotContain("@import").doesNotContain("url(");
    }

    @Test
    void pageHasBothPlotsWithAPointAndBarsPerPlan() {
        String html = HtmlPage.of(Reports.sample("sample-local-ind4-pro4"));

        assertThat(html.split("<svg ", -1)).hasSize(3);
        assertThat(html.split("<circle ", -1)).hasSize(3);
        // 2 plans x 2 history groups.
        assertThat(html.split("<rect ", -1)).hasSize(5);
        assertThat(html).contains("<title>Ind-4/Pro-4: 60.00 ± 10.00%, 18.9 calls per evaluation</title>")
                .contains("0 pairs (cold start)").contains("stroke-dasharray");
    }

    @Test
    void pageShowsEachPlansIntervalsBesideTheBaselinesOnTheSameItems() {
        EvaluationReport sample = Reports.sample("sample-local-ind4-pro4");
        Baseline longer = new Baseline(Baseline.LONGER, Proportion.of(List.of(1.0, 1.0, 0.0, 0.0)),
                Proportion.of(List.of(1.0, 1.0, 0.0, 0.5)), 1);
        EvaluationReport withBaseline = EvaluationReport.of(sample.reportId(), sample.input(), sample.backend(),
                sample.population(), sample.plans(), List.of(longer), List.of("no val rows"));

        String html = HtmlPage.of(withBaseline);

        // Ind-4/Pro-4 run 1: 6 of 10 correct strictly, 6 of 7 with ties and failures left out, 6.5 with ties as half.
        assertThat(html).contains("Ind-4/Pro-4 (run 1)</td><td>60.00% [")
                .contains("<td>85.71% [").contains("<td>65.00% [")
                .contains("baseline: longer response</td><td>50.00% [").contains("<td>62.50% [")
                .contains("no val rows");
    }

    @Test
    void runIdsAndOtherTextAreEscaped() {
        String html = HtmlPage.of(Reports.sample(HOSTILE_ID));

        assertThat(html).doesNotContain("<script").doesNotContain(HOSTILE_ID)
                .contains("run &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;")
                .contains("<title>pgenrm report run &lt;script&gt;");
    }

    @Test
    void escapeHandlesTheFiveSpecialCharacters() {
        assertThat(HtmlPage.escape("a<b>&\"c'")).isEqualTo("a&lt;b&gt;&amp;&quot;c&#39;");
        assertThat(HtmlPage.escape(null)).isEmpty();
    }
}
