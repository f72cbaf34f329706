package io.pgenrm.prototype;

import io.pgenrm.domain.Persona;
import io.pgenrm.domain.PersonaTrait;
import io.pgenrm.local.HashedTextEmbedder;

/**
 * The vector a persona is clustered on: the embedding its backend gives (local), else an embedding of its
 * preference analysis and traits (llm). One backend per deployment, so spaces never mix.
 */
public final class PersonaEmbedding {
    private static final HashedTextEmbedder TEXT = new HashedTextEmbedder();

    private PersonaEmbedding() {
    }

    public static double[] of(Persona persona) {
        if (!persona.embedding().isEmpty()) {
            return persona.embedding().stream().mapToDouble(Double::doubleValue).toArray();
        }
        StringBuilder text = new StringBuilder(persona.analysis());
        for (PersonaTrait trait : persona.traits()) {
            text.append('\n').append(trait.statement());
        }
        return TEXT.embed(text.toString());
    }

    public static boolean isZero(double[] v) {
        for (double x : v) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    static double squaredNorm(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x * x;
        }
        return sum;
    }

    static double cosine(double[] a, double[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
