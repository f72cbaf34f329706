package io.pgenrm.chain;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgenrm.domain.Persona;
import io.pgenrm.domain.PersonaTrait;
import io.pgenrm.domain.PersonaTrait.Dimension;
import io.pgenrm.judge.JudgeOutputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns a persona output into a {@link Persona}. A trait with an unknown dimension or no statement is dropped
 * rather than failing the whole persona; a missing strength counts as {@link #DEFAULT_STRENGTH}, and strengths on
 * a 0-10 or 0-100 scale are brought to 0-1. Without an "analysis", the trait statements stand in for it.
 */
final class PersonaReader {
    static final double DEFAULT_STRENGTH = 0.5;

    private PersonaReader() {
    }

    static Persona read(String output, String userId, String historyVersion, long seed) {
        JsonNode root = JsonBlocks.verdict(output, List.of("traits")).read().root();
        JsonNode traitsNode = JsonFields.field(root, "traits");
        if (!traitsNode.isArray()) {
            throw new JudgeOutputException("key 'traits' is not a list", output);
        }
        List<PersonaTrait> traits = new ArrayList<>();
        for (JsonNode node : traitsNode) {
            PersonaTrait trait = trait(node);
            if (trait != null) {
                traits.add(trait);
            }
        }
        String analysis = JsonFields.text(root, "analysis", "summary").strip();
        if (analysis.isEmpty()) {
            analysis = traits.stream().map(PersonaTrait::statement).collect(Collectors.joining(" "));
        }
        if (analysis.isEmpty()) {
            throw new JudgeOutputException("persona has no analysis and no usable traits", output);
        }
        return new Persona(userId, historyVersion, seed, analysis, traits, Map.of());
    }

    private static PersonaTrait trait(JsonNode node) {
        Dimension dimension = dimension(JsonFields.text(node, "dimension"));
        String statement = JsonFields.text(node, "statement", "trait", "preference").strip();
        if (dimension == null || statement.isEmpty()) {
            return null;
        }
        return new PersonaTrait(dimension, statement, strength(JsonFields.field(node, "strength")),
                evidence(JsonFields.field(node, "evidence")));
    }

    private static Dimension dimension(String text) {
        String key = JsonFields.squash(text);
        if (key.contains("content") || key.contains("structure")) {
            return Dimension.CONTENT_AND_STRUCTURE;
        }
        if (key.contains("value")) {
            return Dimension.CORE_VALUES;
        }
        if (key.contains("style") || key.contains("tone")) {
            return Dimension.STYLE;
        }
        return null;
    }

    private static double strength(JsonNode node) {
        if (node == null) {
            return DEFAULT_STRENGTH;
        }
        String text = node.asText().strip();
        boolean percent = text.endsWith("%");
        double value;
        try {
            value = Double.parseDouble(percent ? text.substring(0, text.length() - 1).strip() : text);
        } catch (NumberFormatException e) {
            return DEFAULT_STRENGTH;
        }
        if (!Double.isFinite(value)) {
            return DEFAULT_STRENGTH;
        }
        double scaled = percent || value > 10 ? value / 100 : value > 1 ? value / 10 : value;
        return Math.max(0, Math.min(1, scaled));
    }

    private static List<String> evidence(JsonNode node) {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            return node.asText().isBlank() ? List.of() : List.of(node.asText().strip());
        }
        List<String> quotes = new ArrayList<>();
        for (JsonNode quote : node) {
            String text = quote.isValueNode() ? quote.asText().strip() : quote.toString();
            if (!text.isEmpty()) {
                quotes.add(text);
            }
        }
        return quotes;
    }
}
