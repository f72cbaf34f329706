package io.pgenrm.report;

import java.util.List;
import java.util.Locale;

/**
 * One figure over repeated runs: each run's value, their mean and their sample standard deviation (divided by
 * n - 1, as the paper reports spread over runs). A single run has no spread: its std is 0.
 */
public record Spread(double mean, double std, List<Double> values) {
    public Spread {
        values = List.copyOf(values);
    }

    public static Spread of(List<Double> values) {
        int n = values.size();
        if (n == 0) {
            return new Spread(0, 0, List.of());
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).sum() / n;
        double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return new Spread(mean, n < 2 ? 0 : Math.sqrt(squares / (n - 1)), values);
    }

    /** A fraction as percent, "65.04 ± 0.50%", or "65.04%" for a single run. */
    public String asPercent() {
        return values.size() < 2 ? String.format(Locale.ROOT, "%.2f%%", 100 * mean)
                : String.format(Locale.ROOT, "%.2f ± %.2f%%", 100 * mean, 100 * std);
    }
}
