package io.pgenrm.simulator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The response properties the simulated users care about, each measured on a 0-1 scale. They are the only thing
 * hidden preferences are defined over, so the judge's estimate of a user is a weight per feature.
 */
public enum TextFeature {
    LENGTH("length", "style", "longer, more detailed answers", "short answers",
            "Depth and detail", "covers the topic thoroughly, with enough detail to act on",
            "Brevity", "says what matters in as few words as possible"),
    LISTS("lists", "content_and_structure", "answers laid out as bullet or numbered lists", "flowing prose over lists",
            "Skimmable list structure", "organises the answer as a list the user can scan",
            "Flowing prose", "explains in connected paragraphs rather than lists"),
    EXAMPLES("examples", "content_and_structure", "concrete examples", "answers without worked examples",
            "Concrete examples", "illustrates the advice with a specific example",
            "Essentials without examples", "keeps to the essentials without digressing into examples"),
    CASUAL_TONE("casual_tone", "style", "a warm, casual tone", "a formal, professional tone",
            "Warm, casual tone", "sounds friendly and relaxed",
            "Professional tone", "stays formal and neutral, without exclamations or emoji"),
    HEDGING("hedging", "core_values", "caveats and careful qualification", "direct, confident answers",
            "Caveats and caution", "flags uncertainty and the cases where the advice may not apply",
            "Direct, confident answer", "commits to a clear answer without hedging"),
    QUESTIONS_BACK("questions_back", "content_and_structure", "a follow-up question at the end",
            "self-contained answers with no questions back",
            "Engaging follow-up question", "ends by asking something that moves the conversation on",
            "Self-contained answer", "answers fully without handing a question back");

    private static final Pattern LIST_LINE = Pattern.compile("^[ \\t]*(?:[-*•]|\\d+[.)])[ \\t]+\\S", Pattern.MULTILINE);
    private static final Pattern EXAMPLE_MARKER =
            Pattern.compile("\\b(?:for example|for instance|e\\.g\\.|such as|imagine|say you)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEDGE_MARKER = Pattern.compile("\\b(?:might|may|perhaps|possibly|it depends|generally|"
            + "usually|in most cases|consider|can vary|not always|check with)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CASUAL_MARKER = Pattern.compile("!|\\b(?:you're|it's|don't|let's|that's|you'll|"
            + "can't|awesome|super|totally|cool|hey)\\b", Pattern.CASE_INSENSITIVE);
    // What a prompt-side cut left out of a text (see pgenrm's HistoryLimits), so length survives the cut.
    private static final Pattern CUT_MARKER = Pattern.compile(" \\[\\.\\.\\. (\\d+) more characters cut]$");
    private static final double SHORT_CHARS = 120;
    private static final double LONG_CHARS = 2000;

    private final String key;
    private final String dimension;
    private final String likes;
    private final String dislikes;
    private final Criterion positive;
    private final Criterion negative;

    TextFeature(String key, String dimension, String likes, String dislikes, String positiveName,
            String positiveDescription, String negativeName, String negativeDescription) {
        this.key = key;
        this.dimension = dimension;
        this.likes = likes;
        this.dislikes = dislikes;
        this.positive = new Criterion(positiveName, positiveDescription);
        this.negative = new Criterion(negativeName, negativeDescription);
    }

    /** A rubric criterion that rewards one direction of a feature. */
    record Criterion(String name, String description) {
    }

    /** The machine-readable name used in persona traits, e.g. {@code [length weight +0.62]}. */
    public String key() {
        return key;
    }

    /** The persona dimension pgenrm files a trait about this feature under. */
    String dimension() {
        return dimension;
    }

    /** How a user with this weight would describe the preference, e.g. "prefers short answers". */
    String preference(double weight) {
        return "prefers " + (weight >= 0 ? likes : dislikes);
    }

    Criterion criterion(boolean rewardsMore) {
        return rewardsMore ? positive : negative;
    }

    static TextFeature byKey(String key) {
        for (TextFeature feature : values()) {
            if (feature.key.equals(key)) {
                return feature;
            }
        }
        return null;
    }

    /** The value of every feature for one text, indexed by ordinal. */
    public static double[] measure(String text) {
        double[] values = new double[values().length];
        for (TextFeature feature : values()) {
            values[feature.ordinal()] = feature.of(text);
        }
        return values;
    }

    double of(String text) {
        Matcher cut = CUT_MARKER.matcher(text);
        int omitted = 0;
        if (cut.find()) {
            omitted = Integer.parseInt(cut.group(1));
            text = text.substring(0, cut.start());
        }
        return switch (this) {
            case LENGTH -> clamp(Math.log((text.strip().length() + omitted) / SHORT_CHARS)
                    / Math.log(LONG_CHARS / SHORT_CHARS));
            case LISTS -> clamp(count(LIST_LINE, text) / 4.0);
            case EXAMPLES -> clamp(count(EXAMPLE_MARKER, text) / 2.0);
            case CASUAL_TONE -> clamp((count(CASUAL_MARKER, text) + emoji(text)) / 4.0);
            case HEDGING -> clamp(count(HEDGE_MARKER, text) / 3.0);
            case QUESTIONS_BACK -> questionsBack(text);
        };
    }

    private static double questionsBack(String text) {
        String stripped = text.strip();
        if (stripped.endsWith("?")) {
            return 1.0;
        }
        return stripped.contains("?") ? 0.5 : 0.0;
    }

    private static int count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static int emoji(String text) {
        return (int) text.codePoints().filter(cp -> cp >= 0x1F300 && cp <= 0x1FAFF || cp >= 0x2600 && cp <= 0x27BF)
                .count();
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
