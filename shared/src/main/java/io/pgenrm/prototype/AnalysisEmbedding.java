package io.pgenrm.prototype;

import io.pgenrm.local.TextEmbedder;
import java.util.ArrayList;
import java.util.List;

/**
 * The vector a chain's preference analysis is clustered and matched on in {@link ProMMode#PAPER}: its in-process
 * sentence embedding. A blank analysis gives all zeros, which places nobody (see {@link PrototypeIndex#match}).
 */
public final class AnalysisEmbedding {
    private AnalysisEmbedding() {
    }

    public static double[] of(TextEmbedder embedder, String analysis) {
        return ofAll(embedder, List.of(analysis == null ? "" : analysis)).get(0);
    }

    /** One vector per analysis, in order; the texts are embedded in one batch. */
    public static List<double[]> ofAll(TextEmbedder embedder, List<String> analyses) {
        List<String> texts = analyses.stream().filter(a -> !a.isBlank()).toList();
        List<float[]> vectors = texts.isEmpty() ? List.of() : embedder.embedAll(texts);
        List<double[]> out = new ArrayList<>(analyses.size());
        int next = 0;
        for (String analysis : analyses) {
            if (analysis.isBlank()) {
                out.add(new double[embedder.dimensions()]);
                continue;
            }
            float[] v = vectors.get(next++);
            double[] d = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                d[i] = v[i];
            }
            out.add(d);
        }
        return out;
    }
}
