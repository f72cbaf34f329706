package io.pgenrm.reward;

import io.pgenrm.domain.InvalidInputException;
import io.pgenrm.domain.ScalingPlan;

/**
 * The scaling plan a request asks for; every field left out takes the server's default ({@code pgenrm.reward.*}).
 */
public record RewardPlan(Integer ind, Integer pro, Double selfWeight, Double prototypeWeight, Boolean bothOrders) {
    /** This plan over {@code defaults}; a bad value is reported under the request's own field name. */
    ScalingPlan over(ScalingPlan defaults) {
        try {
            return new ScalingPlan(ind != null ? ind : defaults.ind(), pro != null ? pro : defaults.pro(),
                    selfWeight != null ? selfWeight : defaults.selfWeight(),
                    prototypeWeight != null ? prototypeWeight : defaults.prototypeWeight(),
                    bothOrders != null ? bothOrders : defaults.bothOrders());
        } catch (InvalidInputException e) {
            String field = "plan." + e.field().replace("selfWeight", "self_weight")
                    .replace("prototypeWeight", "prototype_weight");
            throw new InvalidInputException(field, e.getMessage().substring(e.field().length() + 2));
        }
    }
}
