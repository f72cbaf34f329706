package io.pgenrm.llm;

import java.time.Duration;
import java.util.Locale;

/** Sampling and retry settings of the llm backend. */
public record LlmJudgeOptions(Format format, double temperature, int maxTokens, int maxRetries,
        Duration initialBackoff, Duration maxBackoff) {

    /** {@code staged}: persona, rubric and scores in separate calls; {@code chain}: one generation per sample. */
    public enum Format {
        STAGED, CHAIN;

        public static Format parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("prompt format must be \"staged\" or \"chain\", got \"" + text + "\"",
                        e);
            }
        }
    }

    public LlmJudgeOptions {
        if (temperature < 0 || temperature > 2) {
            throw new IllegalArgumentException("temperature must be within [0, 2], got " + temperature);
        }
        if (maxTokens < 16 || maxRetries < 0) {
            throw new IllegalArgumentException("maxTokens must be >= 16 and maxRetries >= 0");
        }
    }
}
