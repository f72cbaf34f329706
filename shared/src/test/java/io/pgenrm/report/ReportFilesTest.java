package io.pgenrm.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void jsonRoundTripsToTheSameReport() throws Exception {
        EvaluationReport report = Reports.sample("sample-local-ind4-pro4");

        EvaluationReport read = json.readValue(json.writeValueAsString(report), EvaluationReport.class);

        assertThat(read).isEqualTo(report);
    }

    @Test
    void writesJsonAndTheHtmlPageBesideIt(@TempDir Path dir) throws Exception {
        EvaluationReport report = Reports.sample("sample-local-ind4-pro4");

        ReportFiles.Written written = ReportFiles.write(report, dir.resolve("reports/run.json"), json);

        assertThat(written.html()).isEqualTo(dir.resolve("reports/run.html"));
        assertThat(json.readValue(Files.readString(written.json()), EvaluationReport.class)).isEqualTo(report);
        assertThat(Files.readString(written.html())).contains("<svg ").contains("sample-local-ind4-pro4");
        assertThat(Files.readString(written.json())).contains("\"accuracyVersusCost\"").contains("\n  \"plans\"");
    }

    @Test
    void htmlNameFollowsTheJsonName() {
        assertThat(ReportFiles.htmlBeside(Path.of("reports", "RUN.json"))).isEqualTo(Path.of("reports", "RUN.html"));
        assertThat(ReportFiles.htmlBeside(Path.of("out.JSON"))).isEqualTo(Path.of("out.html"));
        assertThat(ReportFiles.htmlBeside(Path.of("/tmp/report"))).isEqualTo(Path.of("/tmp/report.html"));
    }
}
