package io.pgenrm.api;

import io.pgenrm.domain.ScalingPlan;
import io.pgenrm.domain.Scenario;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.domain.Validation;

/**
 * One whole evaluation: score {@code scenario}'s candidates for {@code userId}. {@code history} may be omitted
 * when the user's signals are already stored; {@code scaling} defaults to Ind-1.
 */
public record EvaluateRequest(String requestId, String userId, UserHistory history, Scenario scenario,
        ScalingPlan scaling) {
    public EvaluateRequest {
        Validation.require(userId != null && !userId.isBlank(), "userId", "must not be blank");
        // Before the comparison with history.userId, so an overlong id is named as such.
        Validation.require(userId.length() <= RequestLimits.ID_CHARS, "userId",
                "must be at most " + RequestLimits.ID_CHARS + " characters");
        Validation.require(scenario != null, "scenario", "is required");
        Validation.require(history == null || history.userId().equals(userId), "history.userId",
                "must equal userId");
        scaling = scaling == null ? ScalingPlan.DEFAULT : scaling;
    }
}
