package io.pgenrm.chain;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgenrm.domain.Criterion;
import io.pgenrm.domain.Rubric;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a single-generation chain into a {@link ParsedChain}: criteria from the list lines written before the
 * verdict (echoed responses excluded), the analysis as the prose before the first criterion (without the heading
 * that introduces them), and the totals from the verdict's "better_response", brought to a scale of 10 together
 * whatever scale the judge totalled on.
 */
final class ChainVerdictReader {
    private static final double WEIGHT_TOLERANCE = 0.5;
    private static final int HEADING_MAX_CHARS = 60;

    private ChainVerdictReader() {
    }

    static ParsedChain read(String output, int candidateCount, QuotedText quoted) {
        JsonBlock verdict = JsonBlocks.verdict(output, List.of("rationale", "better_response"), quoted);
        JsonNode root = verdict.read().root();
        List<String> warnings = new ArrayList<>();
        ScoreValues values = new ScoreValues(output, warnings);
        List<JsonNode> perResponse =
                values.perResponse(JsonFields.field(root, "better_response"), "better_response", candidateCount);
        List<Double> totals = new ArrayList<>(candidateCount);
        for (int p = 0; p < candidateCount; p++) {
            totals.add(values.total(perResponse.get(p), ScoreValues.responseKey(p)));
        }
        String beforeVerdict = DataFence.blankEchoedResponses(output).substring(0, verdict.start());
        List<CriteriaLines.Found> found = CriteriaLines.find(beforeVerdict).stream()
                .filter(line -> !quoted.quotes(line(beforeVerdict, line.start()))).toList();
        int analysisEnd = found.isEmpty() ? verdict.start() : found.get(0).start();
        return new ParsedChain(withoutTrailingHeading(output.substring(0, analysisEnd)), rubric(found, warnings),
                values.onScaleOfTen(totals),
                JsonFields.text(root, "rationale").strip(), warnings);
    }

    private static String line(String text, int start) {
        int end = text.indexOf('\n', start);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    /** The prose without a last line such as "Evaluation criteria:", which introduces the list, not the user. */
    private static String withoutTrailingHeading(String prose) {
        String text = prose.strip();
        int lineStart = text.lastIndexOf('\n') + 1;
        String last = text.substring(lineStart).strip();
        boolean heading = last.endsWith(":") && last.length() <= HEADING_MAX_CHARS;
        return heading ? text.substring(0, lineStart).strip() : text;
    }

    private static Rubric rubric(List<CriteriaLines.Found> found, List<String> warnings) {
        List<Criterion> criteria = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (CriteriaLines.Found line : found) {
            if (names.add(CriterionMatcher.normalize(line.criterion().name()))) {
                criteria.add(line.criterion());
            } else {
                warnings.add("ignored repeated criterion '" + line.criterion().name() + "'");
            }
        }
        double sum = criteria.stream().mapToDouble(Criterion::weight).sum();
        if (criteria.isEmpty() || sum <= 0) {
            warnings.add(criteria.isEmpty() ? "no weighted criteria found; using '" + ChainParser.OVERALL_FIT + "'"
                    : "criteria weights sum to 0; using '" + ChainParser.OVERALL_FIT + "'");
            return new Rubric(List.of(new Criterion(ChainParser.OVERALL_FIT, "", 100)));
        }
        if (Math.abs(sum - 100) > WEIGHT_TOLERANCE) {
            warnings.add("criteria weights sum to " + sum + "; rescaled to 100");
        }
        return Rubric.normalized(criteria);
    }
}
