package io.pgenrm.chain;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgenrm.domain.Criterion;
import io.pgenrm.domain.Rubric;
import io.pgenrm.judge.JudgeOutputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a scoring output into per-criterion scores. Each response's scores may be an object keyed by criterion
 * name (matched by {@link CriterionMatcher}) or an array in rubric order; a plain number is accepted when the
 * rubric has a single criterion.
 */
final class ScoreSheetReader {
    private ScoreSheetReader() {
    }

    static ParsedScores read(String output, Rubric rubric, int candidateCount, QuotedText quoted) {
        JsonNode root = JsonBlocks.verdict(output, List.of("scores"), quoted).read().root();
        List<String> warnings = new ArrayList<>();
        ScoreValues values = new ScoreValues(output, warnings);
        List<JsonNode> perResponse = values.perResponse(JsonFields.field(root, "scores"), "scores", candidateCount);
        List<List<Double>> byShownPosition = new ArrayList<>();
        for (int p = 0; p < candidateCount; p++) {
            byShownPosition.add(criterionScores(perResponse.get(p), rubric, ScoreValues.responseKey(p), values,
                    warnings, output));
        }
        return new ParsedScores(byShownPosition, warnings);
    }

    private static List<Double> criterionScores(JsonNode node, Rubric rubric, String response, ScoreValues values,
            List<String> warnings, String output) {
        List<Criterion> criteria = rubric.criteria();
        List<Double> scores = new ArrayList<>(criteria.size());
        if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            node.properties().stream().map(Map.Entry::getKey).forEach(keys::add);
            int[] matched = CriterionMatcher.match(criteria, keys);
            for (int c = 0; c < criteria.size(); c++) {
                String name = criteria.get(c).name();
                if (matched[c] < 0) {
                    throw new JudgeOutputException(response + ": no score for criterion '" + name + "'", output);
                }
                String key = keys.get(matched[c]);
                if (!CriterionMatcher.normalize(key).equals(CriterionMatcher.normalize(name))) {
                    warnings.add(response + ": read key '" + key + "' as criterion '" + name + "'");
                }
                scores.add(values.score(node.get(key), response + " '" + name + "'"));
            }
            CriterionMatcher.unmatchedKeys(keys, matched)
                    .forEach(k -> warnings.add(response + ": ignored key '" + k + "', not a rubric criterion"));
        } else if (node.isArray()) {
            if (node.size() != criteria.size()) {
                throw new JudgeOutputException(response + ": " + node.size() + " scores for " + criteria.size()
                        + " criteria", output);
            }
            for (int c = 0; c < criteria.size(); c++) {
                scores.add(values.score(node.get(c), response + " '" + criteria.get(c).name() + "'"));
            }
        } else if (criteria.size() == 1) {
            scores.add(values.score(node, response + " '" + criteria.get(0).name() + "'"));
        } else {
            throw new JudgeOutputException(response + ": expected a score per criterion, got " + node, output);
        }
        return scores;
    }
}
