package io.pgenrm.domain;

import java.util.List;
import java.util.Map;

/** Everything known about one user's preferences. */
public record UserHistory(String userId, List<PreferencePair> pairs, UserProfile profile) {
    public UserHistory {
        Validation.require(userId != null && !userId.isBlank(), "userId", "must not be blank");
        pairs = Validation.copyOrEmpty(pairs, "pairs");
        profile = profile == null ? UserProfile.EMPTY : profile;
    }

    public static UserHistory empty(String userId) {
        return new UserHistory(userId, List.of(), UserProfile.EMPTY);
    }

    public boolean hasSignals() {
        return !pairs.isEmpty() || !profile.isEmpty();
    }

    /** A content hash: a persona induced from this history is valid until the history changes. */
    public String version() {
        ContentHash hash = new ContentHash();
        for (PreferencePair pair : pairs) {
            for (Message m : pair.context()) {
                hash.add(m.role()).add(m.content());
            }
            hash.add(pair.chosen()).add(pair.rejected());
        }
        hash.add(profile.demographics().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).toList().toString());
        hash.add(profile.statedPreferences().toString());
        hash.add(profile.feedback().toString());
        return hash.hex(12);
    }
}
