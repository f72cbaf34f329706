package io.pgenrm.local;

import java.util.Locale;

/**
 * In-process sentence embedding by feature hashing of word unigrams and bigrams, L2-normalized. Deterministic,
 * dependency-free and fast enough for CPU batches; it captures topical and lexical content, not deep semantics.
 */
public final class HashedTextEmbedder {
    public static final int DIMENSIONS = 256;

    public double[] embed(String text) {
        double[] v = new double[DIMENSIONS];
        String[] tokens = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        String previous = null;
        for (String token : tokens) {
            if (token.isEmpty()) {
                continue;
            }
            add(v, token, 1.0);
            if (previous != null) {
                add(v, previous + ' ' + token, 0.5);
            }
            previous = token;
        }
        return normalize(v);
    }

    private static void add(double[] v, String feature, double weight) {
        int h = feature.hashCode() * 0x9E3779B9;
        int index = Math.floorMod(h, DIMENSIONS);
        v[index] += (h & 0x10000) == 0 ? weight : -weight;
    }

    static double[] normalize(double[] v) {
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        if (norm == 0) {
            return v;
        }
        double inv = 1.0 / Math.sqrt(norm);
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
    }
}
