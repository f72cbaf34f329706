package io.pgenrm.chain;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The responses a prompt showed the judge, to tell the judge's own words from text it quoted. A judge that quotes a
 * response without its {@link DataFence} (the paper's prompt set has none, and a model may drop the fence lines)
 * would otherwise hand the parser whatever JSON, markers or criteria the response carried. Quotes are matched
 * verbatim, ignoring only line breaks, runs of spaces and a Markdown quote's leading {@code >}.
 */
final class QuotedText {
    static final QuotedText NONE = new QuotedText(List.of());

    private static final Pattern QUOTE_MARKS = Pattern.compile("(?m)^[ \\t]*(?:>[ \\t]*)+");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private final List<String> sources;

    private QuotedText(List<String> sources) {
        this.sources = sources;
    }

    static QuotedText of(List<String> shownResponses) {
        return new QuotedText(shownResponses.stream().map(QuotedText::normalize).filter(s -> !s.isEmpty()).toList());
    }

    /** Whether {@code span} of the output is a copy of text from a shown response. */
    boolean quotes(String span) {
        if (sources.isEmpty()) {
            return false;
        }
        String text = normalize(span);
        return !text.isEmpty() && sources.stream().anyMatch(source -> source.contains(text));
    }

    private static String normalize(String text) {
        return SPACE.matcher(QUOTE_MARKS.matcher(text).replaceAll(" ")).replaceAll(" ").strip();
    }
}
