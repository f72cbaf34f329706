package io.pgenrm.simulator;

import java.util.Locale;

/**
 * How the simulated endpoint answers. {@code pgenrm}: every prompt kind pgenrm sends, in the shapes its parser was
 * written for. {@code official}: like a checkpoint fine-tuned on the chain task alone: a chain-shaped prompt gets an
 * analysis, lettered weighted criteria and a verdict with string totals on 1-10 or 0-100; any other prompt gets
 * prose with no JSON.
 */
public enum JudgeStyle {
    PGENRM, OFFICIAL;

    public static JudgeStyle parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("style must be \"pgenrm\" or \"official\", got \"" + text + "\"", e);
        }
    }
}
