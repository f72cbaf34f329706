package io.pgenrm.local;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * bge-small-en-v1.5 (quantized ONNX, shipped inside its Maven Central jar, so nothing is downloaded) through
 * LangChain4j's in-process embedding model. Chosen over all-MiniLM-L6-v2 by cross-validation on the PRISM train rows
 * (see README). The same prompts and responses are embedded again and again (every neighbour's history, every
 * bootstrap sample), so vectors are memoized in a bounded least-recently-used map.
 */
public final class BgeSmallEmbedder implements TextEmbedder {
    public static final String NAME = "bge-small-en-v1.5-q";
    private static final int DIMENSIONS = 384;
    private static final int CACHE_ENTRIES = 20_000;

    private final Map<String, float[]> cache = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > CACHE_ENTRIES;
        }
    };
    private volatile EmbeddingModel model;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<String> missing = new ArrayList<>();
        synchronized (cache) {
            for (String text : texts) {
                if (!cache.containsKey(text) && !missing.contains(text)) {
                    missing.add(text);
                }
            }
        }
        if (!missing.isEmpty()) {
            List<TextSegment> segments = missing.stream()
                    .map(t -> TextSegment.from(t.isBlank() ? "(empty)" : t)).toList();
            var embedded = model().embedAll(segments).content();
            synchronized (cache) {
                for (int i = 0; i < missing.size(); i++) {
                    cache.put(missing.get(i), unit(embedded.get(i).vector()));
                }
            }
        }
        List<float[]> out = new ArrayList<>(texts.size());
        synchronized (cache) {
            for (String text : texts) {
                float[] v = cache.get(text);
                // Evicted between the two locks by a concurrent caller: embed it alone.
                out.add(v != null ? v : unit(model().embed(text.isBlank() ? "(empty)" : text).content().vector()));
            }
        }
        return out;
    }

    /** Loading the ONNX session takes about a second, so it waits for the first text. */
    private EmbeddingModel model() {
        EmbeddingModel m = model;
        if (m == null) {
            synchronized (this) {
                m = model;
                if (m == null) {
                    m = new BgeSmallEnV15QuantizedEmbeddingModel();
                    model = m;
                }
            }
        }
        return m;
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float[] out = v.clone();
        if (norm > 0) {
            float scale = (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < out.length; i++) {
                out[i] *= scale;
            }
        }
        return out;
    }
}
