package io.pgenrm.runtime;

import io.pgenrm.domain.ScalingPlan;
import io.pgenrm.reward.RewardLimits;
import io.pgenrm.reward.RewardService;
import io.pgenrm.reward.RewardSettings;
import io.pgenrm.workflow.EvaluationSteps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The reward API's service over this process's evaluation steps and population, from {@code pgenrm.reward.*}. */
@ApplicationScoped
public class RewardServiceProducer {
    @Produces
    @Singleton
    RewardService rewards(EvaluationSteps steps, CurrentPopulation population, PgenrmConfig config) {
        return new RewardService(steps, population::get, settings(config));
    }

    void close(@Disposes RewardService rewards) {
        rewards.close();
    }

    static RewardSettings settings(PgenrmConfig config) {
        PgenrmConfig.Reward reward = config.reward();
        PgenrmConfig.Reward.Limits limits = reward.limits();
        return new RewardSettings(new ScalingPlan(reward.ind(), reward.pro(), reward.selfWeight(),
                reward.prototypeWeight()), reward.coldStartPro(), config.maxInFlight(), reward.deadline(),
                reward.cacheSize(), new RewardLimits(limits.maxItems(), limits.maxResponses(),
                        limits.maxResponsesPerItem(), limits.maxHistoryPairs(), limits.maxTextChars(), limits.maxInd(),
                        limits.maxPro(), limits.maxBodyBytes()));
    }
}
