package io.pgenrm.simulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates a synthetic PersonalRewardBench data set whose users have hidden preference weights over
 * {@link TextFeature}s. Users of one cluster share a centre plus individual variation, so similar users really are
 * informative about each other; some users have no history at all.
 */
public final class DatasetGenerator {
    // Cluster centres in TextFeature order: LENGTH, LISTS, EXAMPLES, CASUAL_TONE, HEDGING, QUESTIONS_BACK.
    private static final List<double[]> ARCHETYPES = List.of(
            new double[] {-1.0, 0.8, -0.4, 0.0, -0.6, -0.4},   // busy skimmer
            new double[] {1.0, 0.2, 1.0, 0.0, 0.3, 0.3},       // deep learner
            new double[] {0.0, -0.8, 0.2, 1.0, 0.0, 0.8},      // friendly chatter
            new double[] {0.3, 0.4, 0.0, -1.0, 0.8, -0.5});    // careful professional
    private static final double CENTRE_SPREAD = 0.7;
    private static final double USER_SPREAD = 0.3;

    private final ResponseComposer composer = ResponseComposer.withBuiltInTopics();

    public GeneratedDataset generate(DatasetSpec spec) {
        SplittableRandom random = new SplittableRandom(spec.seed());
        List<double[]> centres = centres(spec.clusters(), random);
        List<BenchmarkLine> rows = new ArrayList<>();
        Map<String, PreferenceWeights> hidden = new HashMap<>();
        Map<String, Integer> clusters = new HashMap<>();
        int idWidth = Math.max(4, Integer.toString(spec.users()).length());
        for (int u = 0; u < spec.users(); u++) {
            String userId = "u" + String.format("%0" + idWidth + "d", u + 1);
            int cluster = u % spec.clusters();
            double[] w = centres.get(cluster).clone();
            for (int k = 0; k < w.length; k++) {
                w[k] += USER_SPREAD * random.nextGaussian();
            }
            PreferenceWeights weights = new PreferenceWeights(w);
            hidden.put(userId, weights);
            clusters.put(userId, cluster);
            int history = spec.history().draw(random);
            for (int i = 0; i < history; i++) {
                rows.add(pair(userId, "train", weights, spec.labelTemperature(), random));
            }
            for (int i = 0; i < spec.testPerUser(); i++) {
                rows.add(pair(userId, "test", weights, spec.labelTemperature(), random));
            }
        }
        return new GeneratedDataset(rows, hidden, clusters);
    }

    private static List<double[]> centres(int count, SplittableRandom random) {
        List<double[]> centres = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            if (c < ARCHETYPES.size()) {
                centres.add(ARCHETYPES.get(c));
            } else {
                double[] centre = new double[TextFeature.values().length];
                for (int k = 0; k < centre.length; k++) {
                    centre[k] = CENTRE_SPREAD * random.nextGaussian();
                }
                centres.add(centre);
            }
        }
        return centres;
    }

    /** Two different answers to one prompt, labelled by a Bradley-Terry draw on their hidden utilities. */
    private BenchmarkLine pair(String userId, String split, PreferenceWeights weights, double temperature,
            SplittableRandom random) {
        ResponseComposer.Topic topic = composer.topic(random);
        String first = composer.answer(topic, random);
        String second = composer.answer(topic, random);
        while (second.equals(first)) {
            second = composer.answer(topic, random);
        }
        double gap = weights.utility(TextFeature.measure(first)) - weights.utility(TextFeature.measure(second));
        boolean firstChosen = random.nextDouble() < 1 / (1 + Math.exp(-gap / temperature));
        return firstChosen ? new BenchmarkLine(userId, split, topic.prompt(), first, second)
                : new BenchmarkLine(userId, split, topic.prompt(), second, first);
    }
}
