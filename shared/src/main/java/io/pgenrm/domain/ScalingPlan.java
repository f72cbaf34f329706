package io.pgenrm.domain;

/**
 * Test-time user-based scaling: {@code ind} independent samples from the user's own persona, {@code pro} samples
 * from the most similar users of their prototype, mixed with weights {@code selfWeight}/{@code prototypeWeight}.
 * With {@code bothOrders} every sample is also scored with the candidates in reverse order, and the two are
 * averaged, which cancels a judge's preference for a position (twice the scoring calls, same latency).
 */
public record ScalingPlan(int ind, int pro, double selfWeight, double prototypeWeight, boolean bothOrders) {
    public static final int MAX_SAMPLES = 64;
    public static final ScalingPlan DEFAULT = new ScalingPlan(1, 0, 0.5, 0.5);

    public ScalingPlan {
        Validation.require(ind >= 0 && ind <= MAX_SAMPLES, "scaling.ind", "must be between 0 and " + MAX_SAMPLES);
        Validation.require(pro >= 0 && pro <= MAX_SAMPLES, "scaling.pro", "must be between 0 and " + MAX_SAMPLES);
        Validation.require(ind + pro > 0, "scaling", "needs at least one sample (ind + pro > 0)");
        Validation.require(Double.isFinite(selfWeight) && selfWeight >= 0, "scaling.selfWeight", "must be >= 0");
        Validation.require(Double.isFinite(prototypeWeight) && prototypeWeight >= 0, "scaling.prototypeWeight",
                "must be >= 0");
        Validation.require(selfWeight + prototypeWeight > 0, "scaling", "weights must not both be zero");
    }

    public ScalingPlan(int ind, int pro, double selfWeight, double prototypeWeight) {
        this(ind, pro, selfWeight, prototypeWeight, false);
    }

    public static ScalingPlan of(int ind, int pro) {
        return new ScalingPlan(ind, pro, 0.5, 0.5);
    }

    /** "ind8-pro4" style label used in reports. */
    public String label() {
        return "Ind-" + ind + "/Pro-" + pro + (bothOrders ? " both orders" : "");
    }
}
