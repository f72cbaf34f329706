package io.pgenrm.domain;

import java.util.List;
import java.util.Map;

/**
 * What a user values, inferred from their history. {@code analysis} is the free-text preference analysis
 * (what prototypes are clustered on); {@code featureWeights} is filled by the local backend only.
 */
public record Persona(String userId, String historyVersion, long seed, String analysis, List<PersonaTrait> traits,
        Map<String, Double> featureWeights) {
    public Persona {
        Validation.require(userId != null && !userId.isBlank(), "userId", "must not be blank");
        analysis = analysis == null ? "" : analysis;
        traits = Validation.copyOrEmpty(traits);
        featureWeights = featureWeights == null ? Map.of() : Map.copyOf(featureWeights);
    }
}
