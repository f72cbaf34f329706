package io.pgenrm.reward;

import io.pgenrm.domain.ScalingPlan;
import io.pgenrm.domain.Validation;
import java.time.Duration;

/**
 * How the reward API judges: the default scaling plan; the Pro-M a cold-start user gets when the plan has none (they
 * have no signals of their own, so their prototype's users speak for them); inference calls in flight at once; the
 * time a request may take (OpenRLHF gives up after 180 s); cached evaluations; and the request caps.
 */
public record RewardSettings(ScalingPlan plan, int coldStartPro, int maxInFlight, Duration deadline, int cacheSize,
        RewardLimits limits) {
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(150);

    public RewardSettings {
        Validation.require(plan != null, "pgenrm.reward.plan", "is required");
        Validation.require(coldStartPro >= 0 && coldStartPro <= ScalingPlan.MAX_SAMPLES, "pgenrm.reward.cold-start-pro",
                "must be between 0 and " + ScalingPlan.MAX_SAMPLES);
        Validation.require(maxInFlight > 0, "pgenrm.max-in-flight", "must be positive");
        Validation.require(deadline != null && !deadline.isNegative() && !deadline.isZero(), "pgenrm.reward.deadline",
                "must be positive");
        Validation.require(cacheSize >= 0, "pgenrm.reward.cache-size", "must not be negative");
        Validation.require(limits != null, "pgenrm.reward.limits", "is required");
    }
}
