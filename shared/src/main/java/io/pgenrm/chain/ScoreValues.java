package io.pgenrm.chain;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgenrm.judge.JudgeOutputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the judge's scores and the response keys they are filed under. Scores may be numbers or text such as "8",
 * "8.5" or "8/10" (other stated scales are rescaled to 10). A per-criterion score outside 1-10 is clamped and noted
 * in the warnings. A verdict's totals are never clamped: a judge may total on 0-100 or sum weighted scores, and
 * clamping 540 and 800 to 10 would turn a clear preference into a tie; they are brought to 10 together instead.
 * Anything else is an unusable output.
 */
final class ScoreValues {
    static final double MIN = 1.0;
    static final double MAX = 10.0;

    private static final Pattern TEXT_SCORE =
            Pattern.compile("^\\s*([+-]?\\d+(?:\\.\\d+)?)\\s*(?:(?:/|out of)\\s*(\\d+(?:\\.\\d+)?))?.*",
                    Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern RESPONSE_KEY = Pattern.compile("(?:response|resp|candidate|r)?(\\d+)");

    private final String rawOutput;
    private final List<String> warnings;

    ScoreValues(String rawOutput, List<String> warnings) {
        this.rawOutput = rawOutput;
        this.warnings = warnings;
    }

    double score(JsonNode node, String where) {
        double value = node.isNumber() ? node.doubleValue() : parseText(node, where);
        if (!Double.isFinite(value)) {
            throw new JudgeOutputException(where + ": not a score: " + node, rawOutput);
        }
        if (value < MIN || value > MAX) {
            double clamped = Math.max(MIN, Math.min(MAX, value));
            warnings.add(where + ": score " + format(value) + " is outside 1-10, clamped to " + format(clamped));
            return clamped;
        }
        return value;
    }

    /**
     * A verdict's total for one response, as written: a number or numeric text, not negative, never clamped. Bring
     * a verdict's totals to one scale with {@link #onScaleOfTen}.
     */
    double total(JsonNode node, String where) {
        double value = node.isNumber() ? node.doubleValue() : parseText(node, where);
        if (!Double.isFinite(value) || value < 0) {
            throw new JudgeOutputException(where + ": not a total: " + node, rawOutput);
        }
        return value;
    }

    /**
     * One verdict's totals on a scale of 10: when the largest exceeds 10, all are divided by the same power of ten
     * (0-100 totals by 10, 0-1000 by 100), which keeps their order and their ratios, so no two become a tie.
     */
    List<Double> onScaleOfTen(List<Double> totals) {
        double largest = totals.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        if (largest <= MAX) {
            return totals;
        }
        double scale = Math.pow(10, Math.ceil(Math.log10(largest)));
        warnings.add("totals read on a scale of " + format(scale) + " and divided by " + format(scale / MAX));
        return totals.stream().map(t -> t * MAX / scale).toList();
    }

    /**
     * The value given for each shown response, by 0-based shown position: from an object keyed "response_1"...
     * (also "Response 1", "1") or from an array in shown order. Fails when a response has no value; keys that
     * name no shown response are ignored with a warning.
     */
    List<JsonNode> perResponse(JsonNode container, String key, int candidateCount) {
        Map<Integer, JsonNode> byPosition = new HashMap<>();
        if (container.isArray()) {
            for (int i = 0; i < container.size(); i++) {
                byPosition.put(i, container.get(i));
            }
        } else if (container.isObject()) {
            for (Map.Entry<String, JsonNode> member : container.properties()) {
                Matcher m = RESPONSE_KEY.matcher(JsonFields.squash(member.getKey()));
                int position = m.matches() ? Integer.parseInt(m.group(1)) - 1 : -1;
                if (position < 0 || position >= candidateCount || byPosition.containsKey(position)) {
                    warnings.add("ignored '" + key + "' entry '" + member.getKey() + "'");
                } else {
                    byPosition.put(position, member.getValue());
                }
            }
        } else {
            throw new JudgeOutputException("key '" + key + "' is not an object of response scores", rawOutput);
        }
        List<JsonNode> values = new ArrayList<>(candidateCount);
        List<String> missing = new ArrayList<>();
        for (int p = 0; p < candidateCount; p++) {
            JsonNode value = byPosition.get(p);
            if (value == null || value.isNull()) {
                missing.add(responseKey(p));
            }
            values.add(value);
        }
        if (!missing.isEmpty()) {
            throw new JudgeOutputException("'" + key + "' scores " + (candidateCount - missing.size()) + " of "
                    + candidateCount + " responses, missing " + String.join(", ", missing), rawOutput);
        }
        if (container.isArray() && container.size() > candidateCount) {
            warnings.add("ignored " + (container.size() - candidateCount) + " extra '" + key + "' entries");
        }
        return values;
    }

    static String responseKey(int shownPosition) {
        return "response_" + (shownPosition + 1);
    }

    private double parseText(JsonNode node, String where) {
        Matcher m = node.isTextual() ? TEXT_SCORE.matcher(node.asText()) : null;
        if (m == null || !m.matches()) {
            throw new JudgeOutputException(where + ": not a score: " + node, rawOutput);
        }
        double value = Double.parseDouble(m.group(1));
        double scale = m.group(2) == null ? MAX : Double.parseDouble(m.group(2));
        if (scale <= 0) {
            throw new JudgeOutputException(where + ": not a score: " + node, rawOutput);
        }
        return value * MAX / scale;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
