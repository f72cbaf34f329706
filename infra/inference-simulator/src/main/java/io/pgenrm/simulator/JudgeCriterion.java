package io.pgenrm.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One criterion as the simulated judge uses it: what it measures ({@code feature} and its direction, or the user's
 * overall utility when {@code feature} is null) and its weight in percent.
 */
record JudgeCriterion(String name, String description, double weight, TextFeature feature, boolean rewardsMore) {
    // Features weaker than this do not earn a criterion of their own.
    private static final double CRITERION_THRESHOLD = 0.1;
    private static final int MAX_FEATURE_CRITERIA = 5;
    private static final int MIN_CRITERIA = 3;
    // What a general criterion weighs, in the same units as a feature weight, when it fills up a short rubric.
    private static final double GENERAL_WEIGHT = 0.15;
    private static final List<String[]> GENERAL = List.of(
            new String[] {"Answers the question asked", "addresses exactly what the user asked"},
            new String[] {"Clear and correct", "is accurate and easy to follow"},
            new String[] {"Useful to this user", "gives this user what they need to act"});
    private static final Pattern RUBRIC_LINE =
            Pattern.compile("^[ \\t]*- (.+) \\((\\d+(?:\\.\\d+)?)%\\):[ \\t]*(.*)$", Pattern.MULTILINE);

    /** Criteria for the user's strongest preferences, topped up with general ones; whole weights summing to 100. */
    static List<JudgeCriterion> forPreferences(PreferenceWeights weights) {
        List<TextFeature> strongest = weights.strongestFirst(CRITERION_THRESHOLD);
        strongest = strongest.subList(0, Math.min(MAX_FEATURE_CRITERIA, strongest.size()));
        List<String> names = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        List<TextFeature> features = new ArrayList<>();
        for (TextFeature feature : strongest) {
            TextFeature.Criterion c = feature.criterion(weights.weight(feature) > 0);
            names.add(c.name());
            descriptions.add(c.description());
            raw.add(Math.abs(weights.weight(feature)));
            features.add(feature);
        }
        for (int g = 0; names.size() < MIN_CRITERIA; g++) {
            names.add(GENERAL.get(g)[0]);
            descriptions.add(GENERAL.get(g)[1]);
            raw.add(GENERAL_WEIGHT);
            features.add(null);
        }
        int[] percent = wholePercents(raw);
        List<JudgeCriterion> criteria = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            TextFeature feature = features.get(i);
            criteria.add(new JudgeCriterion(names.get(i), descriptions.get(i), percent[i], feature,
                    feature != null && weights.weight(feature) > 0));
        }
        return criteria;
    }

    /**
     * The criteria listed as {@code - name (30%): description} lines in a prompt. A name the judge itself writes
     * for a feature is scored on that feature; any other name on the user's overall utility.
     */
    static List<JudgeCriterion> readRubric(String text) {
        List<JudgeCriterion> criteria = new ArrayList<>();
        Matcher m = RUBRIC_LINE.matcher(text);
        while (m.find()) {
            String name = m.group(1).strip();
            TextFeature feature = null;
            boolean rewardsMore = false;
            for (TextFeature f : TextFeature.values()) {
                for (boolean more : new boolean[] {true, false}) {
                    if (f.criterion(more).name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                        feature = f;
                        rewardsMore = more;
                    }
                }
            }
            criteria.add(new JudgeCriterion(name, m.group(3).strip(), Double.parseDouble(m.group(2)), feature,
                    rewardsMore));
        }
        return criteria;
    }

    /**
     * Where a response stands on this criterion, in [-0.5, 0.5]: the feature's distance from its midpoint in the
     * rewarded direction, or the user's normalized utility for a general criterion.
     */
    double standing(double[] features, PreferenceWeights weights) {
        if (feature == null) {
            return weights.normalizedUtility(features);
        }
        double centred = features[feature.ordinal()] - 0.5;
        return rewardsMore ? centred : -centred;
    }

    /** Largest-remainder rounding, so the printed weights really add up to 100. */
    private static int[] wholePercents(List<Double> raw) {
        double sum = raw.stream().mapToDouble(Double::doubleValue).sum();
        int[] out = new int[raw.size()];
        double[] remainder = new double[raw.size()];
        int given = 0;
        for (int i = 0; i < out.length; i++) {
            double exact = raw.get(i) * 100 / sum;
            out[i] = (int) Math.floor(exact);
            remainder[i] = exact - out[i];
            given += out[i];
        }
        while (given < 100) {
            int best = 0;
            for (int i = 1; i < out.length; i++) {
                if (remainder[i] > remainder[best]) {
                    best = i;
                }
            }
            out[best]++;
            remainder[best] = -1;
            given++;
        }
        return out;
    }
}
