package io.pgenrm.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Writes a report as JSON at the path asked for and as an HTML page of the same name beside it. */
public final class ReportFiles {
    private ReportFiles() {
    }

    public record Written(Path json, Path html) {
    }

    public static Written write(EvaluationReport report, Path json, ObjectMapper mapper) throws IOException {
        Path html = htmlBeside(json);
        if (json.toAbsolutePath().getParent() != null) {
            Files.createDirectories(json.toAbsolutePath().getParent());
        }
        Files.writeString(json, mapper.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        Files.writeString(html, HtmlPage.of(report));
        return new Written(json, html);
    }

    /** reports/RUN.json gives reports/RUN.html; a name without .json gets .html appended. */
    public static Path htmlBeside(Path json) {
        String name = json.getFileName().toString();
        String base = name.toLowerCase(Locale.ROOT).endsWith(".json") ? name.substring(0, name.length() - 5)
                : name;
        return json.resolveSibling(base + ".html");
    }
}
