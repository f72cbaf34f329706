package io.pgenrm.domain;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a user values, inferred from their history. {@code analysis} is the free-text preference analysis
 * (what prototypes are clustered on); {@code featureWeights} is filled by the local backend only, and is kept sorted
 * by feature name so its iteration order (hence JSON and anything ranked from it) is the same in every process.
 */
public record Persona(String userId, String historyVersion, long seed, String analysis, List<PersonaTrait> traits,
        Map<String, Double> featureWeights) {
    public Persona {
        Validation.require(userId != null && !userId.isBlank(), "userId", "must not be blank");
        analysis = analysis == null ? "" : analysis;
        traits = Validation.copyOrEmpty(traits);
        featureWeights = featureWeights == null ? Map.of()
                : Collections.unmodifiableSortedMap(new TreeMap<>(featureWeights));
    }
}
