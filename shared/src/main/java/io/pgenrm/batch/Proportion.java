package io.pgenrm.batch;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * An accuracy with its 95% percentile-bootstrap interval over items: {@code credit} per item is 1 for a hit, 0 for a
 * miss, 0.5 for a tie counted as half. With about 250 items the interval is about ±6 points, which is why methods
 * are compared on the same items.
 */
public record Proportion(double value, double lower, double upper, int items) {
    private static final int RESAMPLES = 2000;
    /** Fixed, so a report states the same interval every time it is computed from the same outcomes. */
    private static final long SEED = 20240615L;

    public static Proportion of(List<Double> credit) {
        int n = credit.size();
        if (n == 0) {
            return new Proportion(0, 0, 0, 0);
        }
        double[] c = credit.stream().mapToDouble(Double::doubleValue).toArray();
        double value = Arrays.stream(c).sum() / n;
        SplittableRandom random = new SplittableRandom(SEED);
        double[] means = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += c[random.nextInt(n)];
            }
            means[r] = sum / n;
        }
        Arrays.sort(means);
        return new Proportion(value, means[(int) (0.025 * RESAMPLES)], means[(int) (0.975 * RESAMPLES) - 1], n);
    }

    /** "64.43% [58.50, 70.36]". */
    public String asPercent() {
        return String.format(Locale.ROOT, "%.2f%% [%.2f, %.2f]", 100 * value, 100 * lower, 100 * upper);
    }
}
