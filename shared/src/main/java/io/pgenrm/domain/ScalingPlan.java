package io.pgenrm.domain;

/**
 * Test-time user-based scaling: {@code ind} independent samples from the user's own persona, {@code pro} samples
 * from the most similar users of their prototype, mixed with weights {@code selfWeight}/{@code prototypeWeight}.
 * With {@code bothOrders} every sample is also scored with the candidates in reverse order, and the two are
 * averaged, which cancels a judge's preference for a position (twice the scoring calls, same latency).
 */
public record ScalingPlan(int ind, int pro, double selfWeight, double prototypeWeight, boolean bothOrders) {
    public static final int MAX_SAMPLES = 64;
    /** Only the ratio of the two weights matters; a bound keeps their sum finite. */
    public static final double MAX_WEIGHT = 1_000_000;
    public static final ScalingPlan DEFAULT = new ScalingPlan(1, 0, 0.5, 0.5);

    public ScalingPlan {
        // Fields are named relative to the plan: a reader of a request adds where the plan sits (e.g. "scaling.").
        Validation.require(ind >= 0 && ind <= MAX_SAMPLES, "ind", "must be between 0 and " + MAX_SAMPLES);
        Validation.require(pro >= 0 && pro <= MAX_SAMPLES, "pro", "must be between 0 and " + MAX_SAMPLES);
        Validation.require(ind + pro > 0, "ind", "needs at least one sample (ind + pro > 0)");
        Validation.require(Double.isFinite(selfWeight) && selfWeight >= 0 && selfWeight <= MAX_WEIGHT, "selfWeight",
                "must be between 0 and " + (long) MAX_WEIGHT);
        Validation.require(Double.isFinite(prototypeWeight) && prototypeWeight >= 0 && prototypeWeight <= MAX_WEIGHT,
                "prototypeWeight", "must be between 0 and " + (long) MAX_WEIGHT);
        Validation.require(selfWeight + prototypeWeight > 0, "selfWeight",
                "must not be 0 when prototypeWeight is 0 too");
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
