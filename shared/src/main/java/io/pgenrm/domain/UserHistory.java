package io.pgenrm.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

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
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (PreferencePair pair : pairs) {
                for (Message m : pair.context()) {
                    update(digest, m.role());
                    update(digest, m.content());
                }
                update(digest, pair.chosen());
                update(digest, pair.rejected());
            }
            update(digest, profile.demographics().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + "=" + e.getValue()).toList().toString());
            update(digest, profile.statedPreferences().toString());
            update(digest, profile.feedback().toString());
            return HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static void update(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }
}
