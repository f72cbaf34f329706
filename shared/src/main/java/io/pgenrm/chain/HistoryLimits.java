package io.pgenrm.chain;

import io.pgenrm.domain.Validation;

/**
 * Bounds on how much of a user's history goes into a prompt: each text (message, response, stated preference,
 * feedback) is cut to {@code maxCharsPerText}. How many past choices are shown is the prompt set's
 * {@link PromptLayout#fewShots()}.
 */
public record HistoryLimits(int maxCharsPerText) {
    public static final HistoryLimits DEFAULT = new HistoryLimits(1500);

    public HistoryLimits {
        Validation.require(maxCharsPerText >= 100, "maxCharsPerText", "must be >= 100, got " + maxCharsPerText);
    }

    String cut(String text) {
        if (text.length() <= maxCharsPerText) {
            return text;
        }
        int keep = Character.isHighSurrogate(text.charAt(maxCharsPerText - 1)) ? maxCharsPerText - 1
                : maxCharsPerText;
        return text.substring(0, keep) + " [... " + (text.length() - keep) + " more characters cut]";
    }
}
