package io.pgenrm.batch;

import io.pgenrm.local.PopulationRewardModel;
import io.pgenrm.local.TextEmbedder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A non-personalized predictor scored on the same test items as the plans, so a reader sees what personalization
 * adds: strict accuracy (a tie is a miss) and ties counted as half, each with its interval.
 */
public record Baseline(String name, Proportion strict, Proportion tiesAsHalf, int ties) {
    public static final String LONGER = "longer response";
    public static final String POPULATION = "population model only";

    /** Picks the longer response (in characters). */
    public static Baseline longer(List<BenchmarkItem> items) {
        return of(LONGER, items, item -> item.chosen().length() - item.rejected().length());
    }

    /** Picks what the population reward model prefers, with no personal part. */
    public static Baseline population(List<BenchmarkItem> items, PopulationRewardModel model, TextEmbedder embedder) {
        return of(POPULATION, items, item -> model.margin(item.prompt(), item.chosen(), item.rejected(),
                embedder));
    }

    /** @param margin positive when the predictor prefers the chosen response */
    static Baseline of(String name, List<BenchmarkItem> items, ToDoubleFunction<BenchmarkItem> margin) {
        List<Double> strict = new ArrayList<>(items.size());
        List<Double> half = new ArrayList<>(items.size());
        int ties = 0;
        for (BenchmarkItem item : items) {
            double m = margin.applyAsDouble(item);
            strict.add(m > 0 ? 1.0 : 0.0);
            half.add(m > 0 ? 1.0 : m == 0 ? 0.5 : 0.0);
            ties += m == 0 ? 1 : 0;
        }
        return new Baseline(name, Proportion.of(strict), Proportion.of(half), ties);
    }
}
