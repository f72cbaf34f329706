package io.pgenrm.local;

import java.util.regex.Pattern;

/**
 * Interpretable response-style features. Each maps a response to a number on a comparable scale (about 0..1 per
 * unit of "more of this"), and names the criterion a user who likes more (or less) of it would judge by.
 */
public enum StyleFeature {
    LENGTH("Thorough, detailed coverage", "Concise, to-the-point answers") {
        @Override
        double measure(String text) {
            return Math.log1p(TextStats.words(text)) / Math.log(2) / 4.0;
        }
    },
    LISTS("Structured with bullet or numbered lists", "Flowing prose rather than lists") {
        @Override
        double measure(String text) {
            return Math.min(1.0, TextStats.count(LIST_LINE, text) / 4.0);
        }
    },
    HEADINGS("Clear headings and bold section labels", "Plain text without headings") {
        @Override
        double measure(String text) {
            return Math.min(1.0, (TextStats.count(HEADING, text) + TextStats.count(BOLD, text)) / 3.0);
        }
    },
    CODE_OR_EXAMPLES("Concrete code or worked examples", "Explanation without code or examples") {
        @Override
        double measure(String text) {
            double code = text.contains("```") ? 1.0 : 0.0;
            return Math.min(1.0, code + TextStats.count(EXAMPLE, text) / 2.0);
        }
    },
    CASUAL_TONE("Friendly, casual tone", "Formal, neutral tone") {
        @Override
        double measure(String text) {
            return Math.min(1.0, (TextStats.count(EXCLAIM, text) + 2.0 * TextStats.emojis(text)
                    + TextStats.count(CASUAL, text)) / 4.0);
        }
    },
    CAVEATS("Caveats, safety notes and honest limits", "Direct answers without hedging") {
        @Override
        double measure(String text) {
            return Math.min(1.0, TextStats.count(CAVEAT, text) / 3.0);
        }
    },
    SUMMARY("A short summary or TL;DR", "No separate summary") {
        @Override
        double measure(String text) {
            return TextStats.count(SUMMARY_LINE, text) > 0 ? 1.0 : 0.0;
        }
    },
    FOLLOW_UP("Ends by inviting a follow-up question", "Ends without asking the user anything") {
        @Override
        double measure(String text) {
            String tail = text.strip();
            int cut = Math.max(0, tail.length() - 200);
            return tail.substring(cut).contains("?") ? 1.0 : 0.0;
        }
    },
    NUMBERS("Specific numbers, quantities and facts", "Qualitative rather than numeric detail") {
        @Override
        double measure(String text) {
            return Math.min(1.0, TextStats.count(NUMBER, text) / 6.0);
        }
    },
    STEP_BY_STEP("Step-by-step instructions", "Big-picture explanation rather than steps") {
        @Override
        double measure(String text) {
            return Math.min(1.0, TextStats.count(STEP, text) / 3.0);
        }
    },
    APOLOGY("Apologizes or declines where it cannot help", "Helps without apologizing or declining") {
        @Override
        double measure(String text) {
            return Math.min(1.0, TextStats.count(APOLOGY_PHRASE, text) / 2.0);
        }
    },
    OPINION("Shares a view of its own", "Stays impersonal, without opinions") {
        @Override
        double measure(String text) {
            return Math.min(1.0, TextStats.count(OPINION_PHRASE, text) / 2.0);
        }
    },
    ADDRESSES_READER("Speaks to the user directly", "Impersonal, general wording") {
        @Override
        double measure(String text) {
            return Math.min(1.0, 10.0 * TextStats.count(YOU, text) / Math.max(1, TextStats.words(text)));
        }
    },
    PARAGRAPHS("Broken into short paragraphs", "One compact block of text") {
        @Override
        double measure(String text) {
            return Math.min(1.0, TextStats.count(PARAGRAPH_BREAK, text) / 5.0);
        }
    },
    LONG_SENTENCES("Long, complex sentences", "Short, simple sentences") {
        @Override
        double measure(String text) {
            int sentences = Math.max(1, TextStats.count(SENTENCE_END, text));
            return Math.log1p((double) TextStats.words(text) / sentences) / 4.0;
        }
    };

    private static final Pattern APOLOGY_PHRASE = Pattern.compile("(?i)\\b(i'm sorry|i am sorry|i apologi[sz]e|"
            + "unfortunately|i cannot|i can't|i'm not able|i am not able|i'm unable|i don't have)");
    private static final Pattern OPINION_PHRASE = Pattern.compile(
            "(?i)\\b(i think|i believe|in my opinion|i feel|personally)\\b");
    private static final Pattern YOU = Pattern.compile("(?i)\\byou(?:r|rs|'re)?\\b");
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?:\\s|$)");

    private static final Pattern LIST_LINE = Pattern.compile("(?m)^\\s*(?:[-*\u2022]|\\d+[.)])\\s+\\S");
    private static final Pattern HEADING = Pattern.compile("(?m)^\\s*#{1,6}\\s+\\S");
    private static final Pattern BOLD = Pattern.compile("\\*\\*[^*\\n]{2,60}\\*\\*");
    private static final Pattern EXAMPLE = Pattern.compile("(?i)\\b(for example|for instance|e\\.g\\.|example:|such as)");
    private static final Pattern EXCLAIM = Pattern.compile("!");
    private static final Pattern CASUAL = Pattern.compile(
            "(?i)\\b(hey|awesome|super|cool|totally|gonna|yay|happy to help|no worries|fun)\\b");
    private static final Pattern CAVEAT = Pattern.compile(
            "(?i)\\b(however|note that|keep in mind|be careful|consult|caution|may not|might not|depends on|"
                    + "not a substitute|risk|disclaimer|warning)\\b");
    private static final Pattern SUMMARY_LINE = Pattern.compile(
            "(?im)^\\s*(?:\\*\\*)?(tl;?dr|in short|summary|bottom line|in a nutshell)\\b");
    private static final Pattern NUMBER = Pattern.compile("\\b\\d+(?:[.,]\\d+)?%?");
    private static final Pattern STEP = Pattern.compile("(?i)\\b(step \\d+|first,|then,|next,|finally,)");

    private final String more;
    private final String less;

    StyleFeature(String more, String less) {
        this.more = more;
        this.less = less;
    }

    abstract double measure(String text);

    /** Criterion name for a user whose weight on this feature has the given sign. */
    public String criterion(double weight) {
        return weight >= 0 ? more : less;
    }

    public static double[] vector(String text) {
        StyleFeature[] all = values();
        double[] v = new double[all.length];
        for (int i = 0; i < all.length; i++) {
            v[i] = all[i].measure(text);
        }
        return v;
    }
}
