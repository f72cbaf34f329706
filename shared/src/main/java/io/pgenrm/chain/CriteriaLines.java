package io.pgenrm.chain;

import io.pgenrm.domain.Criterion;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Weighted criteria written as list lines in free text: {@code - Name (30%): description}, and the variants
 * models drift into: lettered, numbered or starred items ({@code a. Name (35%) – ...}, {@code (b)}, {@code 2)}),
 * bold names, "(weight: 30%)", "[30%]", "Name - 30%: ...", and any dash (hyphen, en, em, minus) instead of the
 * colon.
 */
final class CriteriaLines {
    private static final String SPACE = "[ \\t]*";
    private static final String BOLD = "(?:\\*\\*|__)?";
    private static final String DASH = "[:\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212]";
    private static final String ITEM_MARK = "(?:\\d{1,2}|[A-Za-z])";
    private static final String BULLET = "^" + SPACE + BOLD
            + "(?:[-*\u2022\u2023\u25e6+\u2013\u2014]|\\(?" + ITEM_MARK + "[.)]|\\(" + ITEM_MARK + "\\))[ \\t]+";
    private static final String NAME = "(?<name>[^()\\[\\]\\n]*?)";
    private static final String WEIGHT_IN_BRACKETS =
            "[(\\[]" + SPACE + "(?:weight" + SPACE + "[:=]?" + SPACE + ")?(?<bracketed>\\d+(?:\\.\\d+)?)" + SPACE
                    + "%?" + SPACE + "[)\\]]";
    private static final String WEIGHT_AFTER_DASH = DASH + SPACE + "(?<dashed>\\d+(?:\\.\\d+)?)" + SPACE + "%";
    private static final Pattern LINE = Pattern.compile(
            BULLET + BOLD + SPACE + NAME + SPACE + BOLD + SPACE
                    + "(?:" + WEIGHT_IN_BRACKETS + "|" + WEIGHT_AFTER_DASH + ")"
                    + SPACE + BOLD + SPACE + "(?:" + DASH + SPACE + ")?(?<description>.*)$",
            Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);

    private CriteriaLines() {
    }

    /** A criterion line's offset in the text and what it says. */
    record Found(int start, Criterion criterion) {
    }

    static List<Found> find(String text) {
        List<Found> found = new ArrayList<>();
        Matcher m = LINE.matcher(text);
        while (m.find()) {
            String name = m.group("name").replace("**", "").replaceAll("[*_:\\s]+$", "").strip();
            String weight = m.group("bracketed") != null ? m.group("bracketed") : m.group("dashed");
            double value = Double.parseDouble(weight);
            // A weight of more than 308 digits is no weight a judge meant: the line is prose, not a criterion.
            if (!name.isEmpty() && Double.isFinite(value)) {
                String description = m.group("description").replace("**", "").strip();
                found.add(new Found(m.start(), new Criterion(name, description, value)));
            }
        }
        return found;
    }
}
