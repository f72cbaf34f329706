package io.pgenrm.simulator;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user's preference as one weight per {@link TextFeature} (by ordinal), roughly in [-1, 1]: positive means the
 * user likes more of the feature. Used both for the generator's hidden truth and for the judge's estimate.
 */
public record PreferenceWeights(double[] weights) {
    // A feature difference this large between chosen and rejected, every time, means a full-strength preference.
    private static final double FULL_DIFFERENCE = 0.25;
    // Pseudo-pairs of "no preference" the estimate is shrunk toward, so two lucky pairs do not make a strong trait.
    private static final double SHRINK_PAIRS = 3;
    private static final Pattern TAG = Pattern.compile("\\[([a-z_]+) weight ([+-]?\\d+(?:\\.\\d+)?)]");

    public PreferenceWeights {
        if (weights.length != TextFeature.values().length) {
            throw new IllegalArgumentException("need " + TextFeature.values().length + " weights, got " + weights.length);
        }
        weights = weights.clone();
    }

    /** One past choice: the text the user preferred and the one they passed over. */
    public record Choice(String preferred, String rejected) {
    }

    public static PreferenceWeights neutral() {
        return new PreferenceWeights(new double[TextFeature.values().length]);
    }

    /**
     * The mean feature difference between preferred and rejected answers, scaled so a consistent difference of
     * {@value #FULL_DIFFERENCE} reads as 1, shrunk toward zero for short histories.
     */
    public static PreferenceWeights estimate(List<Choice> choices) {
        double[] w = new double[TextFeature.values().length];
        if (choices.isEmpty()) {
            return new PreferenceWeights(w);
        }
        for (Choice choice : choices) {
            double[] preferred = TextFeature.measure(choice.preferred());
            double[] rejected = TextFeature.measure(choice.rejected());
            for (int k = 0; k < w.length; k++) {
                w[k] += preferred[k] - rejected[k];
            }
        }
        int n = choices.size();
        double shrink = n / (n + SHRINK_PAIRS);
        for (int k = 0; k < w.length; k++) {
            w[k] = Math.max(-1, Math.min(1, w[k] / n / FULL_DIFFERENCE * shrink));
        }
        return new PreferenceWeights(w);
    }

    /** The weights written as {@link #tag} anywhere in {@code text}; features without a tag get 0. */
    public static PreferenceWeights readTags(String text) {
        double[] w = new double[TextFeature.values().length];
        boolean[] seen = new boolean[w.length];
        Matcher m = TAG.matcher(text);
        while (m.find()) {
            TextFeature feature = TextFeature.byKey(m.group(1));
            if (feature != null && !seen[feature.ordinal()]) {
                seen[feature.ordinal()] = true;
                w[feature.ordinal()] = Double.parseDouble(m.group(2));
            }
        }
        return new PreferenceWeights(w);
    }

    public double weight(TextFeature feature) {
        return weights[feature.ordinal()];
    }

    /** The machine-readable form the judge writes into persona traits and reads back later. */
    public String tag(TextFeature feature) {
        return String.format(Locale.ROOT, "[%s weight %+.2f]", feature.key(), weight(feature));
    }

    public boolean isNeutral() {
        return Arrays.stream(weights).allMatch(w -> w == 0);
    }

    /** Features whose weight reaches {@code threshold} in size, strongest first. */
    List<TextFeature> strongestFirst(double threshold) {
        return Arrays.stream(TextFeature.values()).filter(f -> Math.abs(weight(f)) >= threshold)
                .sorted(Comparator.comparingDouble((TextFeature f) -> -Math.abs(weight(f)))).toList();
    }

    /** How much a text with these feature values appeals to the user (features centred on 0.5). */
    public double utility(double[] features) {
        double u = 0;
        for (int k = 0; k < weights.length; k++) {
            u += weights[k] * (features[k] - 0.5);
        }
        return u;
    }

    /** {@link #utility} divided by the total weight, so it stays within [-0.5, 0.5]; 0 for a neutral user. */
    double normalizedUtility(double[] features) {
        double total = Arrays.stream(weights).map(Math::abs).sum();
        return total == 0 ? 0 : utility(features) / total;
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PreferenceWeights that && Arrays.equals(weights, that.weights);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "PreferenceWeights" + Arrays.toString(weights);
    }
}
