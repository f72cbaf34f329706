package io.pgenrm.llm;

import java.time.Duration;
import java.util.Locale;

/**
 * Sampling, retry and circuit-breaker settings of the llm backend. The circuit opens when at least
 * {@code circuitFailureRatio} of the last {@code circuitWindow} calls failed, fails calls fast for
 * {@code circuitOpenFor}, then lets a few trial calls through.
 */
public record LlmJudgeOptions(Format format, double temperature, int maxTokens, int maxRetries,
        Duration initialBackoff, Duration maxBackoff, int circuitWindow, double circuitFailureRatio,
        Duration circuitOpenFor) {

    /** The circuit defaults: open only when nearly every recent call failed, i.e. the endpoint is down. */
    public static LlmJudgeOptions withDefaultCircuit(Format format, double temperature, int maxTokens,
            int maxRetries, Duration initialBackoff, Duration maxBackoff) {
        return new LlmJudgeOptions(format, temperature, maxTokens, maxRetries, initialBackoff, maxBackoff, 50, 0.9,
                Duration.ofSeconds(15));
    }

    /**
     * {@code staged}: persona, rubric and scores in separate calls; {@code chain}: one generation per sample, sampled
     * as the paper samples P-GenRM (temperature 1.0) with room for a whole chain (analysis, criteria, verdict).
     */
    public enum Format {
        STAGED(0.7, 1536), CHAIN(1.0, 4096);

        private final double defaultTemperature;
        private final int defaultMaxTokens;

        Format(double defaultTemperature, int defaultMaxTokens) {
            this.defaultTemperature = defaultTemperature;
            this.defaultMaxTokens = defaultMaxTokens;
        }

        public double defaultTemperature() {
            return defaultTemperature;
        }

        public int defaultMaxTokens() {
            return defaultMaxTokens;
        }

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
        if (circuitWindow < 1 || !(circuitFailureRatio > 0 && circuitFailureRatio <= 1)) {
            throw new IllegalArgumentException("circuit window must be >= 1 and failure ratio within (0, 1]");
        }
    }
}
