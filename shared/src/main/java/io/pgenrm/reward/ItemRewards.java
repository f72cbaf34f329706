package io.pgenrm.reward;

import io.pgenrm.domain.CallCost;
import java.util.List;

/**
 * The answer for one request item: one reward per response, in the item's order; what the evaluations its responses
 * took part in cost (an evaluation shared with other items is counted in each); and an error when any response has
 * no reward (the first such response's reason).
 */
public record ItemRewards(String id, String userId, List<ResponseReward> rewards, CallCost cost, String error) {
    public ItemRewards {
        rewards = List.copyOf(rewards);
    }
}
