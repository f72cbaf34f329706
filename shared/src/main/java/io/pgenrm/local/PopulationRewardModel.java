package io.pgenrm.local;

import io.pgenrm.domain.InvalidInputException;
import io.pgenrm.domain.PreferencePair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the whole population prefers: a Bradley-Terry reward over (prompt, response) features, learned from every
 * user's past choices. A response's features are its {@link StyleFeature}s (standardized over the training
 * responses), its relevance (cosine of prompt and response embeddings) and its sentence embedding. The first two
 * groups are the <em>personal</em> dimensions each user refits from their own choices; the embedding part stays the
 * population's, since a handful of pairs cannot move hundreds of weights.
 *
 * @param weights    style weights, then relevance, then one per embedding dimension
 * @param penalties  the L2 penalties it was fitted with
 * @param provenance where it was learned from
 */
public record PopulationRewardModel(String embedder, List<String> styleFeatures, double[] means, double[] scales,
        double[] weights, Penalties penalties, Provenance provenance) {
    /** Relevance is a cosine: scaled so one unit of weight is comparable to a standardized style feature. */
    static final double RELEVANCE_SCALE = 10;
    /** Unit embeddings have components of about 0.05: scaled for the same reason. */
    static final double SEMANTIC_SCALE = 3;
    public static final String RELEVANCE = "RELEVANCE";
    /**
     * L2 penalties of the population fit: one on the interpretable dimensions (style and relevance, few but noisy and
     * correlated, so held hard) and one on the embedding dimensions.
     */
    public record Penalties(double interpretable, double semantic) {
        /** Chosen by cross-validation over users on the PRISM train rows ({@code pgenrm cv}, README). */
        public static final Penalties DEFAULT = new Penalties(100, 10);
    }

    /** Where a model was learned: the data's name and hash, how much of it, when. */
    public record Provenance(String data, String dataSha256, int pairs, int users, String fittedAt) {
    }

    public PopulationRewardModel {
        styleFeatures = styleFeatures == null ? null : List.copyOf(styleFeatures);
    }

    /** Fits the population reward on every pair; an empty list gives {@link #lengthPrior}. */
    public static PopulationRewardModel fit(List<PreferencePair> pairs, TextEmbedder embedder, Penalties penalties,
            Provenance provenance) {
        if (pairs.isEmpty()) {
            return lengthPrior(embedder, provenance);
        }
        int s = StyleFeature.values().length;
        double[] means = new double[s];
        double[] squares = new double[s];
        List<double[]> chosenStyle = new ArrayList<>();
        List<double[]> rejectedStyle = new ArrayList<>();
        for (PreferencePair pair : pairs) {
            double[] c = StyleFeature.vector(pair.chosen());
            double[] r = StyleFeature.vector(pair.rejected());
            chosenStyle.add(c);
            rejectedStyle.add(r);
            for (int i = 0; i < s; i++) {
                means[i] += c[i] + r[i];
                squares[i] += c[i] * c[i] + r[i] * r[i];
            }
        }
        double n = 2.0 * pairs.size();
        double[] scales = new double[s];
        for (int i = 0; i < s; i++) {
            means[i] /= n;
            double variance = squares[i] / n - means[i] * means[i];
            // A feature that never varies in training carries no signal; scale 1 keeps it finite.
            scales[i] = variance > 1e-12 ? Math.sqrt(variance) : 1;
        }
        PopulationRewardModel standardizer = new PopulationRewardModel(embedder.name(), names(), means, scales,
                new double[s + 1 + embedder.dimensions()], penalties, provenance);
        // One call for every text: the embedding model batches and parallelizes it, pair by pair it cannot.
        embedder.embedAll(pairs.stream().flatMap(p -> Stream.of(p.prompt(), p.chosen(), p.rejected()))
                .distinct().toList());
        List<double[]> rows = new ArrayList<>(pairs.size());
        for (PreferencePair pair : pairs) {
            double[][] f = standardizer.features(pair.prompt(), List.of(pair.chosen(), pair.rejected()), embedder);
            rows.add(difference(f[0], f[1]));
        }
        double[] lambdas = new double[rows.get(0).length];
        for (int i = 0; i < lambdas.length; i++) {
            lambdas[i] = i <= s ? penalties.interpretable() : penalties.semantic();
        }
        double[] w = LogisticFit.fit(rows, null, new double[lambdas.length], lambdas);
        return new PopulationRewardModel(embedder.name(), names(), means, scales, w, penalties, provenance);
    }

    /**
     * With no past choices anywhere, the one prior that holds across preference data sets: longer, more complete
     * answers win more often than not.
     */
    public static PopulationRewardModel lengthPrior(TextEmbedder embedder, Provenance provenance) {
        int s = StyleFeature.values().length;
        double[] scales = new double[s];
        Arrays.fill(scales, 1);
        double[] w = new double[s + 1 + embedder.dimensions()];
        w[StyleFeature.LENGTH.ordinal()] = 1;
        return new PopulationRewardModel(embedder.name(), names(), new double[s], scales, w, new Penalties(0, 0),
                provenance);
    }

    /** Number of leading weights a user refits: the style features and relevance. */
    public int personalDimensions() {
        return styleFeatures.size() + 1;
    }

    /** Name of personal dimension {@code i}: a {@link StyleFeature} name or {@link #RELEVANCE}. */
    public String personalName(int i) {
        return i < styleFeatures.size() ? styleFeatures.get(i) : RELEVANCE;
    }

    /** Feature vectors of each response to {@code prompt}, in this model's layout. */
    public double[][] features(String prompt, List<String> responses, TextEmbedder embedder) {
        List<String> texts = new ArrayList<>(responses.size() + 1);
        texts.add(prompt);
        texts.addAll(responses);
        List<float[]> vectors = embedder.embedAll(texts);
        float[] p = vectors.get(0);
        int s = styleFeatures.size();
        double[][] out = new double[responses.size()][];
        for (int r = 0; r < responses.size(); r++) {
            float[] e = vectors.get(r + 1);
            double[] style = StyleFeature.vector(responses.get(r));
            double[] f = new double[s + 1 + e.length];
            for (int i = 0; i < s; i++) {
                f[i] = (style[i] - means[i]) / scales[i];
            }
            double cosine = 0;
            for (int i = 0; i < e.length; i++) {
                cosine += p[i] * e[i];
                f[s + 1 + i] = SEMANTIC_SCALE * e[i];
            }
            f[s] = RELEVANCE_SCALE * cosine;
            out[r] = f;
        }
        return out;
    }

    /** Log-odds that {@code a} is preferred over {@code b} by the population. */
    public double margin(String prompt, String a, String b, TextEmbedder embedder) {
        double[][] f = features(prompt, List.of(a, b), embedder);
        double margin = 0;
        for (int i = 0; i < weights.length; i++) {
            margin += weights[i] * (f[0][i] - f[1][i]);
        }
        return margin;
    }

    /** Checks that a model read from a file fits this build's features and embedder. */
    public PopulationRewardModel requireCompatible(TextEmbedder embedder) {
        if (!embedder.name().equals(this.embedder)) {
            throw new InvalidInputException("embedder", "the model was fitted on " + this.embedder
                    + " embeddings, this build embeds with " + embedder.name());
        }
        if (!styleFeatures.equals(names())) {
            throw new InvalidInputException("styleFeatures", "the model's style features " + styleFeatures
                    + " differ from this build's " + names() + ": refit it with pgenrm fit");
        }
        int expected = styleFeatures.size() + 1 + embedder.dimensions();
        if (means.length != styleFeatures.size() || scales.length != styleFeatures.size()
                || weights.length != expected) {
            throw new InvalidInputException("weights", "expected " + expected + " weights and "
                    + styleFeatures.size() + " means and scales");
        }
        return this;
    }

    static double[] difference(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    private static List<String> names() {
        return Arrays.stream(StyleFeature.values()).map(Enum::name).toList();
    }
}
