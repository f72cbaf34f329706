package io.pgenrm.simulator;

/**
 * How the simulated endpoint behaves.
 *
 * @param latency        time a request spends in a service slot
 * @param maxConcurrency service slots (like a GPU's batch slots); requests beyond them wait in a FIFO queue
 * @param maxQueue       waiting requests allowed before new ones get a 429; {@link #UNBOUNDED_QUEUE} for no limit
 * @param errorRate      share of requests answered 500, 502 or 503 after their service time
 * @param rateLimitRate  share of requests answered 429 at once, without taking a slot
 * @param timeoutRate    share of requests held for {@code hangMillis} (without a slot) and then closed unanswered
 * @param hangMillis     how long such a request is held
 * @param malformedRate  share of the produced choices whose content pgenrm cannot use
 * @param noiseSigma     Gaussian noise on every 1-10 score of the simulated judge
 * @param positionBias   points the judge adds to the response shown first
 * @param seed           fixes every fault decision (with the request body and its attempt number)
 * @param modelName      the model listed by {@code /v1/models}; requests may name any model
 * @param style          how the judge answers: pgenrm's prompt kinds, or only chains in the official output style
 * @param cutOffRate     with the official style, share of chains that run past max_tokens and are cut
 */
public record SimulatorSettings(LatencyDistribution latency, int maxConcurrency, int maxQueue, double errorRate,
        double rateLimitRate, double timeoutRate, long hangMillis, double malformedRate, double noiseSigma,
        double positionBias, long seed, String modelName, JudgeStyle style, double cutOffRate) {

    public static final int UNBOUNDED_QUEUE = Integer.MAX_VALUE;
    public static final long DEFAULT_HANG_MILLIS = 120_000;
    public static final String DEFAULT_MODEL = "pgenrm-simulated-judge";

    public SimulatorSettings {
        if (latency == null || maxConcurrency < 1 || maxQueue < 0 || hangMillis < 0 || !(noiseSigma >= 0)
                || !Double.isFinite(positionBias) || modelName == null || modelName.isBlank() || style == null) {
            throw new IllegalArgumentException("need a latency, maxConcurrency >= 1, maxQueue >= 0, hangMillis >= 0, "
                    + "noiseSigma >= 0, a finite positionBias, a model name and a style");
        }
        for (double rate : new double[] {errorRate, rateLimitRate, timeoutRate, malformedRate, cutOffRate}) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("fault rates must be within [0, 1], got " + rate);
            }
        }
        // The request-level faults split one draw, so their shares are exact and must fit in it together.
        if (errorRate + rateLimitRate + timeoutRate > 1) {
            throw new IllegalArgumentException("errorRate + rateLimitRate + timeoutRate must not exceed 1");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Defaults: no latency, 64 slots, unbounded queue, no faults, noise 1.5, no position bias, seed 1, pgenrm style,
     * no chain cut off.
     */
    public static final class Builder {
        private LatencyDistribution latency = new LatencyDistribution.Fixed(0);
        private int maxConcurrency = 64;
        private int maxQueue = UNBOUNDED_QUEUE;
        private double errorRate;
        private double rateLimitRate;
        private double timeoutRate;
        private long hangMillis = DEFAULT_HANG_MILLIS;
        private double malformedRate;
        private double noiseSigma = 1.5;
        private double positionBias;
        private long seed = 1;
        private String modelName = DEFAULT_MODEL;
        private JudgeStyle style = JudgeStyle.PGENRM;
        private double cutOffRate;

        private Builder() {
        }

        public Builder style(JudgeStyle value) {
            style = value;
            return this;
        }

        public Builder cutOffRate(double value) {
            cutOffRate = value;
            return this;
        }

        public Builder latency(LatencyDistribution value) {
            latency = value;
            return this;
        }

        public Builder maxConcurrency(int value) {
            maxConcurrency = value;
            return this;
        }

        public Builder maxQueue(int value) {
            maxQueue = value;
            return this;
        }

        public Builder errorRate(double value) {
            errorRate = value;
            return this;
        }

        public Builder rateLimitRate(double value) {
            rateLimitRate = value;
            return this;
        }

        public Builder timeoutRate(double value) {
            timeoutRate = value;
            return this;
        }

        public Builder hangMillis(long value) {
            hangMillis = value;
            return this;
        }

        public Builder malformedRate(double value) {
            malformedRate = value;
            return this;
        }

        public Builder noiseSigma(double value) {
            noiseSigma = value;
            return this;
        }

        public Builder positionBias(double value) {
            positionBias = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder modelName(String value) {
            modelName = value;
            return this;
        }

        public SimulatorSettings build() {
            return new SimulatorSettings(latency, maxConcurrency, maxQueue, errorRate, rateLimitRate, timeoutRate,
                    hangMillis, malformedRate, noiseSigma, positionBias, seed, modelName, style, cutOffRate);
        }
    }
}
