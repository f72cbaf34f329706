package io.pgenrm.prototype;

import java.util.Locale;

/**
 * How Pro-M finds a user's neighbours.
 * <ul>
 * <li>{@code persona}: one vector per user (the persona's embedding, or, where no persona is induced, the user's
 * record), about sqrt(users / 2) prototypes, matched by that same vector.</li>
 * <li>{@code paper}: as the P-GenRM paper. The population is one chain per user and past choice, and each chain's
 * analysis is embedded in-process. These analyses are clustered into k prototypes (100 unless set). An evaluation
 * is matched by the analysis of the user's own chain for the item, and its neighbours are the most similar users
 * of the nearest prototype. Only a judge that writes an analysis with each sample (llm, chain format) has one.</li>
 * </ul>
 */
public enum ProMMode {
    PERSONA, PAPER;

    /** The prototypes a population gets when none are asked for, in this mode ({@code paper}: the paper's k). */
    public static final int PAPER_PROTOTYPES = 100;

    public static ProMMode parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Pro-M must be \"persona\" or \"paper\", got \"" + text + "\"", e);
        }
    }

    /** The name as configured and reported: {@code persona} or {@code paper}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
