package io.pgenrm.local;

import java.util.List;

/** Unit-length sentence embeddings of texts, computed in this process. */
public interface TextEmbedder {
    /** The model's name, recorded with everything fitted on its vectors. */
    String name();

    int dimensions();

    /** One unit-length vector per text, in order. */
    List<float[]> embedAll(List<String> texts);

    default float[] embed(String text) {
        return embedAll(List.of(text)).get(0);
    }
}
