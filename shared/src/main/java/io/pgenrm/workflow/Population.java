package io.pgenrm.workflow;

import io.pgenrm.domain.UserHistory;
import io.pgenrm.local.PopulationRewardModel;
import io.pgenrm.prototype.PrototypeIndex;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable snapshot of the known users, their prototypes and, for the local backend, the population reward model
 * their personas were refined from (null for the llm backend).
 */
public record Population(Map<String, UserHistory> users, PrototypeIndex prototypes, PopulationRewardModel rewardModel)
        implements UserDirectory, PrototypeCatalog {
    public static final Population EMPTY = new Population(Map.of(), new PrototypeIndex(List.of(), Map.of()));

    public Population {
        users = Map.copyOf(users);
    }

    public Population(Map<String, UserHistory> users, PrototypeIndex prototypes) {
        this(users, prototypes, null);
    }

    @Override
    public Optional<UserHistory> find(String userId) {
        return Optional.ofNullable(users.get(userId));
    }

    @Override
    public PrototypeIndex index() {
        return prototypes;
    }
}
