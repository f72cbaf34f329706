package io.pgenrm.app.explorer;

import io.pgenrm.batch.Proportion;
import java.util.Locale;

/** How the explorer writes numbers: fixed decimals in the root locale, so pages read the same on every machine. */
final class Numbers {
    static final String NONE = "–";

    private Numbers() {
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * share);
    }

    static String interval(Proportion p) {
        return p == null || p.items() == 0 ? NONE
                : String.format(Locale.ROOT, "[%.2f, %.2f]", 100 * p.lower(), 100 * p.upper());
    }

    static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    static String fixed(Double value, int decimals) {
        return value == null ? NONE : fixed(value.doubleValue(), decimals);
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String seconds(double millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000);
    }

    /** A candidate's letter: A for index 0. */
    static String candidate(Integer index) {
        if (index == null || index < 0) {
            return NONE;
        }
        return index < 26 ? String.valueOf((char) ('A' + index)) : "#" + (index + 1);
    }

    /** The heat-map class of a 1-10 score: h1 (pale) to h10 (deep). */
    static String heat(double score) {
        return "h" + (int) Math.max(1, Math.min(10, Math.round(score)));
    }
}
