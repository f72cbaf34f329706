package io.pgenrm.domain;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a user values, inferred from their history. {@code analysis} is the free-text preference analysis;
 * {@code featureWeights} is filled by the local backend only (the user's own weights on interpretable features), and
 * is kept sorted by feature name so its iteration order (hence JSON and anything ranked from it) is the same in every
 * process. {@code embedding}, when the backend gives one, is the vector prototypes cluster the user on (local: what
 * their choices prefer and their profile, in sentence-embedding space).
 */
public record Persona(String userId, String historyVersion, long seed, String analysis, List<PersonaTrait> traits,
        Map<String, Double> featureWeights, List<Double> embedding) {
    public Persona {
        Validation.require(userId != null && !userId.isBlank(), "userId", "must not be blank");
        analysis = analysis == null ? "" : analysis;
        traits = Validation.copyOrEmpty(traits, "traits");
        featureWeights = featureWeights == null ? Map.of()
                : Collections.unmodifiableSortedMap(new TreeMap<>(featureWeights));
        embedding = Validation.copyOrEmpty(embedding, "embedding");
    }

    public Persona(String userId, String historyVersion, long seed, String analysis, List<PersonaTrait> traits,
            Map<String, Double> featureWeights) {
        this(userId, historyVersion, seed, analysis, traits, featureWeights, List.of());
    }
}
