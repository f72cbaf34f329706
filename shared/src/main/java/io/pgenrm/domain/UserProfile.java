package io.pgenrm.domain;

import java.util.List;
import java.util.Map;

/** Explicit signals besides past choices: demographics, stated preferences and free-text feedback. */
public record UserProfile(Map<String, String> demographics, List<String> statedPreferences, List<String> feedback) {
    public static final UserProfile EMPTY = new UserProfile(Map.of(), List.of(), List.of());

    public UserProfile {
        demographics = demographics == null ? Map.of() : demographics;
        for (Map.Entry<String, String> entry : demographics.entrySet()) {
            Validation.require(entry.getValue() != null, "demographics." + entry.getKey(), "must not be null");
        }
        demographics = Map.copyOf(demographics);
        statedPreferences = Validation.copyOrEmpty(statedPreferences, "statedPreferences");
        feedback = Validation.copyOrEmpty(feedback, "feedback");
    }

    public boolean isEmpty() {
        return demographics.isEmpty() && statedPreferences.isEmpty() && feedback.isEmpty();
    }
}
