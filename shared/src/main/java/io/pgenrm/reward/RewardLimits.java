package io.pgenrm.reward;

import io.pgenrm.domain.InvalidInputException;
import io.pgenrm.domain.Message;
import io.pgenrm.domain.PreferencePair;
import io.pgenrm.domain.ScalingPlan;
import io.pgenrm.domain.Validation;
import java.util.List;

/**
 * Per-request caps of the reward API, so one request cannot hold the server: items (or OpenRLHF queries), responses
 * in all, responses per item, history pairs per inline user, characters per text, Ind-N and Pro-M, and the body's
 * bytes. Size caps answer 413 ({@link TooLargeException}), a plan beyond its cap 400; both name the field.
 */
public record RewardLimits(int maxItems, int maxResponses, int maxResponsesPerItem, int maxHistoryPairs,
        int maxTextChars, int maxInd, int maxPro, long maxBodyBytes) {
    /** Room for an OpenRLHF rollout batch of 1,024 prompts x 8 samples in one request. */
    public static final RewardLimits DEFAULT = new RewardLimits(8192, 8192, 64, 256, 65_536, 16, 16, 64L << 20);

    public RewardLimits {
        Validation.require(maxItems > 0 && maxResponses > 0 && maxResponsesPerItem > 0 && maxHistoryPairs >= 0
                && maxTextChars > 0 && maxBodyBytes > 0, "pgenrm.reward.limits", "every cap must be positive");
        Validation.require(maxInd >= 0 && maxInd <= ScalingPlan.MAX_SAMPLES && maxPro >= 0
                && maxPro <= ScalingPlan.MAX_SAMPLES, "pgenrm.reward.limits",
                "ind and pro caps must be between 0 and " + ScalingPlan.MAX_SAMPLES);
    }

    public void checkBody(long bytes) {
        if (bytes > maxBodyBytes) {
            throw new TooLargeException("body", "must be at most " + maxBodyBytes + " bytes, got " + bytes);
        }
    }

    public void check(RewardRequest request) {
        count("items", request.items().size(), maxItems, "items");
        int responses = 0;
        for (int i = 0; i < request.items().size(); i++) {
            RewardItem item = request.items().get(i);
            String at = "items[" + i + "]";
            count(at + ".responses", item.responses().size(), maxResponsesPerItem, "responses");
            responses += item.responses().size();
            messages(at + ".prompt", item.prompt());
            for (int r = 0; r < item.responses().size(); r++) {
                text(at + ".responses[" + r + "]", item.responses().get(r));
            }
            if (item.history() != null) {
                count(at + ".history", item.history().size(), maxHistoryPairs, "pairs");
                for (int p = 0; p < item.history().size(); p++) {
                    PreferencePair pair = item.history().get(p);
                    messages(at + ".history[" + p + "].context", pair.context());
                    text(at + ".history[" + p + "].chosen", pair.chosen());
                    text(at + ".history[" + p + "].rejected", pair.rejected());
                }
            }
            if (item.profile() != null) {
                item.profile().demographics().forEach((key, value) -> text(at + ".profile.demographics." + key, value));
                texts(at + ".profile.stated_preferences", item.profile().statedPreferences());
                texts(at + ".profile.feedback", item.profile().feedback());
            }
        }
        count("items", responses, maxResponses, "responses in all");
    }

    public void check(OpenRlhfRequest request) {
        count("query", request.query().size(), Math.min(maxItems, maxResponses), "queries");
        texts("query", request.query());
        texts("prompts", request.prompts());
        for (int i = 0; i < request.labels().size(); i++) {
            String label = request.labels().get(i);
            if (label != null) {
                text("labels[" + i + "]", label);
            }
        }
    }

    /** Ind-N and Pro-M within their caps (400: the plan is a choice, not a size). */
    public void check(ScalingPlan plan) {
        if (plan.ind() > maxInd) {
            throw new InvalidInputException("plan.ind", "must be at most " + maxInd + " on this server, got "
                    + plan.ind());
        }
        if (plan.pro() > maxPro) {
            throw new InvalidInputException("plan.pro", "must be at most " + maxPro + " on this server, got "
                    + plan.pro());
        }
    }

    private static void count(String field, int count, int max, String what) {
        if (count > max) {
            throw new TooLargeException(field, "must hold at most " + max + " " + what + ", got " + count);
        }
    }

    private void messages(String field, List<Message> messages) {
        for (int m = 0; m < messages.size(); m++) {
            text(field + "[" + m + "].content", messages.get(m).content());
        }
    }

    private void texts(String field, List<String> texts) {
        for (int t = 0; t < texts.size(); t++) {
            text(field + "[" + t + "]", texts.get(t));
        }
    }

    private void text(String field, String text) {
        if (text.length() > maxTextChars) {
            throw new TooLargeException(field, "must be at most " + maxTextChars + " characters, got "
                    + text.length());
        }
    }
}
