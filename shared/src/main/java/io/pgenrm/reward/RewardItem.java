package io.pgenrm.reward;

import io.pgenrm.domain.Message;
import io.pgenrm.domain.PreferencePair;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.domain.UserProfile;
import io.pgenrm.domain.Validation;
import java.util.List;

/**
 * One item of {@code POST /v1/rewards}: responses to one prompt, to be rewarded for one user. The user is named by
 * {@code userId} (looked up among the known users; an unknown id is a cold-start user) or given inline by
 * {@code history} and/or {@code profile}, which then replace anything stored under that id. {@code id} is the
 * caller's own label, echoed back.
 */
public record RewardItem(String id, String userId, List<PreferencePair> history, UserProfile profile,
        List<Message> prompt, List<String> responses) {
    public RewardItem {
        Validation.require(userId == null || !userId.isBlank(), "user_id", "must not be blank when given");
        history = history == null ? null : Validation.copyOf(history, "history");
        Validation.require(userId != null || history != null || profile != null, "user_id",
                "is required unless the user's history or profile is given inline");
        prompt = Validation.copyOf(prompt, "prompt");
        Validation.require(!prompt.isEmpty(), "prompt", "must hold at least one message");
        responses = Validation.copyOf(responses, "responses");
        Validation.require(!responses.isEmpty(), "responses", "must hold at least one response");
    }

    /** A single response to a prompt, for the user named {@code userId}. */
    public static RewardItem of(String userId, List<Message> prompt, String response) {
        return new RewardItem(null, userId, null, null, prompt, List.of(response));
    }

    boolean inline() {
        return history != null || profile != null;
    }

    /**
     * The inline user's signals. Without a user id, the id is derived from their content, so the same inline user
     * is the same user in every request (and in the cache).
     */
    UserHistory inlineHistory() {
        UserHistory content = new UserHistory("inline", history, profile);
        return new UserHistory(userId != null ? userId : "inline-" + content.version(), history, profile);
    }
}
