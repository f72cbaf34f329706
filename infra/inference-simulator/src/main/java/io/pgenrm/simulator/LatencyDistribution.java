package io.pgenrm.simulator;

import java.util.SplittableRandom;

/** How long one request spends in service, written {@code fixed:200}, {@code uniform:100:300} or {@code lognormal:200:0.3}. */
public sealed interface LatencyDistribution {
    long sampleMillis(SplittableRandom random);

    record Fixed(long millis) implements LatencyDistribution {
        public Fixed {
            requireNonNegative(millis);
        }

        @Override
        public long sampleMillis(SplittableRandom random) {
            return millis;
        }
    }

    record Uniform(long minMillis, long maxMillis) implements LatencyDistribution {
        public Uniform {
            requireNonNegative(minMillis);
            if (maxMillis < minMillis) {
                throw new IllegalArgumentException("uniform latency needs min <= max, got " + minMillis + ":" + maxMillis);
            }
        }

        @Override
        public long sampleMillis(SplittableRandom random) {
            return minMillis + (long) Math.floor(random.nextDouble() * (maxMillis - minMillis + 1));
        }
    }

    /** Long-tailed like real generation times: the median is exp(mu), sigma the spread of the log. */
    record LogNormal(double medianMillis, double sigma) implements LatencyDistribution {
        public LogNormal {
            if (!(medianMillis > 0) || !(sigma >= 0)) {
                throw new IllegalArgumentException("lognormal latency needs median > 0 and sigma >= 0");
            }
        }

        @Override
        public long sampleMillis(SplittableRandom random) {
            return Math.round(medianMillis * Math.exp(sigma * random.nextGaussian()));
        }
    }

    static LatencyDistribution parse(String spec) {
        String[] parts = spec.strip().split(":");
        try {
            switch (parts[0]) {
                case "fixed":
                    if (parts.length == 2) {
                        return new Fixed(Long.parseLong(parts[1]));
                    }
                    break;
                case "uniform":
                    if (parts.length == 3) {
                        return new Uniform(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
                    }
                    break;
                case "lognormal":
                    if (parts.length == 3) {
                        return new LogNormal(Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
                    }
                    break;
                default:
                    break;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(usage(spec), e);
        }
        throw new IllegalArgumentException(usage(spec));
    }

    private static String usage(String spec) {
        return "latency must be fixed:<ms>, uniform:<min ms>:<max ms> or lognormal:<median ms>:<sigma>, got '"
                + spec + "'";
    }

    private static void requireNonNegative(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("latency must be >= 0 ms, got " + millis);
        }
    }
}
