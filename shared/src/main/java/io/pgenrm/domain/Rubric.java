package io.pgenrm.domain;

import java.util.ArrayList;
import java.util.List;

/** Weighted scoring criteria for one scenario; weights always sum to 100. */
public record Rubric(List<Criterion> criteria) {
    private static final double TOLERANCE = 0.5;

    public Rubric {
        criteria = Validation.copyOf(criteria, "criteria");
        Validation.require(!criteria.isEmpty(), "criteria", "must hold at least one criterion");
        double sum = criteria.stream().mapToDouble(Criterion::weight).sum();
        Validation.require(Math.abs(sum - 100.0) <= TOLERANCE, "criteria",
                "weights must sum to 100, got " + sum);
    }

    /** Rescales positive weights to sum to 100; equal weights when all are zero. */
    public static Rubric normalized(List<Criterion> raw) {
        Validation.require(raw != null && !raw.isEmpty(), "criteria", "must hold at least one criterion");
        double sum = raw.stream().mapToDouble(Criterion::weight).sum();
        if (Double.isInfinite(sum)) {
            // Weights near Double.MAX_VALUE overflow the sum: rescale them relative to the largest first.
            double largest = raw.stream().mapToDouble(Criterion::weight).max().orElseThrow();
            return normalized(raw.stream().map(c -> new Criterion(c.name(), c.description(), c.weight() / largest))
                    .toList());
        }
        List<Criterion> out = new ArrayList<>(raw.size());
        for (Criterion c : raw) {
            double w = sum > 0 ? c.weight() * 100.0 / sum : 100.0 / raw.size();
            out.add(new Criterion(c.name(), c.description(), w));
        }
        return new Rubric(out);
    }
}
