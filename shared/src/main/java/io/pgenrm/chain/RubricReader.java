package io.pgenrm.chain;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgenrm.domain.Criterion;
import io.pgenrm.domain.Rubric;
import io.pgenrm.judge.JudgeOutputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a rubric output into a {@link Rubric}. Weights may be numbers or text such as "30" or "30%"; positive
 * weights that do not sum to 100 (fractions, or a model's arithmetic slip) are rescaled to 100. Names must be
 * distinct once case and punctuation are ignored, since scores are later matched to criteria by name.
 */
final class RubricReader {
    private RubricReader() {
    }

    static Rubric read(String output) {
        JsonNode root = JsonBlocks.verdict(output, List.of("criteria")).read().root();
        JsonNode list = JsonFields.field(root, "criteria");
        if (!list.isArray() || list.isEmpty()) {
            throw new JudgeOutputException("key 'criteria' is not a non-empty list", output);
        }
        List<Criterion> criteria = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            String where = "criteria[" + i + "]";
            String name = JsonFields.text(node, "name", "criterion", "title").strip();
            if (name.isEmpty()) {
                throw new JudgeOutputException(where + ": missing key 'name'", output);
            }
            if (!names.add(CriterionMatcher.normalize(name))) {
                throw new JudgeOutputException(where + ": duplicate criterion '" + name + "'", output);
            }
            double weight = weight(JsonFields.field(node, "weight"), where + " '" + name + "'", output);
            criteria.add(new Criterion(name, JsonFields.text(node, "description", "definition").strip(), weight));
        }
        if (criteria.stream().mapToDouble(Criterion::weight).sum() <= 0) {
            throw new JudgeOutputException("criteria weights sum to 0", output);
        }
        return Rubric.normalized(criteria);
    }

    private static double weight(JsonNode node, String where, String output) {
        if (node == null) {
            throw new JudgeOutputException(where + ": missing key 'weight'", output);
        }
        double weight;
        try {
            weight = node.isNumber() ? node.doubleValue() : Double.parseDouble(node.asText().strip()
                    .replaceFirst("\\s*%$", ""));
        } catch (NumberFormatException e) {
            throw new JudgeOutputException(where + ": weight is not a number: " + node, output);
        }
        if (!Double.isFinite(weight) || weight < 0) {
            throw new JudgeOutputException(where + ": negative or invalid weight " + node, output);
        }
        return weight;
    }
}
