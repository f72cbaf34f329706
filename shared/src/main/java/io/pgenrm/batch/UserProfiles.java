package io.pgenrm.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pgenrm.domain.InvalidInputException;
import io.pgenrm.domain.UserProfile;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Users' profiles (demographics, stated preferences, feedback) as PersonalRewardBench-style JSON: a profile is free
 * text (as in {@code prism-pj-dev-profiles.jsonl}) or an object whose text fields are demographics and whose
 * {@code stated_preferences} and {@code feedback} arrays are what the user said.
 */
public final class UserProfiles {
    /** Longest profile text kept: a profile is a few sentences, not a document. */
    static final int MAX_TEXT = 4000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private UserProfiles() {
    }

    public static UserProfile of(JsonNode profile) {
        if (profile.isTextual()) {
            return profile.asText().isBlank() ? UserProfile.EMPTY
                    : new UserProfile(Map.of("profile", clip(profile.asText())), List.of(), List.of());
        }
        if (!profile.isObject()) {
            throw new InvalidInputException("profile", "must be text or an object, got " + profile.getNodeType());
        }
        Map<String, String> demographics = new LinkedHashMap<>();
        List<String> stated = new ArrayList<>();
        List<String> feedback = new ArrayList<>();
        profile.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "stated_preferences", "statedPreferences" -> texts(value, field.getKey(), stated);
                case "feedback" -> texts(value, field.getKey(), feedback);
                default -> {
                    if (!value.isValueNode() || value.isNull()) {
                        throw new InvalidInputException("profile." + field.getKey(), "must be text or a number");
                    }
                    demographics.put(field.getKey(), clip(value.asText()));
                }
            }
        });
        return new UserProfile(demographics, stated, feedback);
    }

    /** Reads a JSONL file of {@code {"user_id": ..., "profile": ...}} lines; a bad line is an error naming it. */
    public static Map<String, UserProfile> load(Path file) throws IOException {
        Map<String, UserProfile> profiles = new LinkedHashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                try {
                    JsonNode node = JSON.readTree(text);
                    JsonNode user = node.get("user_id");
                    if (user == null || !user.isTextual() || user.asText().isBlank()) {
                        throw new InvalidInputException("user_id", "is required");
                    }
                    JsonNode profile = node.get("profile");
                    if (profile == null) {
                        throw new InvalidInputException("profile", "is required");
                    }
                    profiles.put(user.asText(), of(profile));
                } catch (JsonProcessingException e) {
                    throw new InvalidInputException("profiles", file + " line " + line + " is not JSON: "
                            + e.getOriginalMessage());
                } catch (InvalidInputException e) {
                    throw new InvalidInputException("profiles", file + " line " + line + ": " + e.getMessage());
                }
            }
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("profiles", "no such file: " + file);
        }
        return profiles;
    }

    private static void texts(JsonNode value, String field, List<String> into) {
        if (!value.isArray()) {
            throw new InvalidInputException("profile." + field, "must be a list of texts");
        }
        value.forEach(v -> into.add(clip(v.asText())));
    }

    private static String clip(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }
}
