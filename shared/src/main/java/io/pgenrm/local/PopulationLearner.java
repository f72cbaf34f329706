package io.pgenrm.local;

import io.pgenrm.domain.UserHistory;
import java.util.List;

/**
 * A judge whose personas refine a model of the whole population, so the population must be learned before any
 * persona is induced, and every process that serves the same population must use the same model.
 */
public interface PopulationLearner {
    /** Learns from every user's past choices (or keeps a model it was pinned to) and uses the result. */
    PopulationRewardModel learnPopulation(List<UserHistory> histories, PopulationRewardModel.Provenance provenance);

    /** From now on uses {@code model} (fitted once, elsewhere) instead of learning one per population. */
    void pin(PopulationRewardModel model);

    /** Uses a model learned elsewhere, e.g. by another process that saved the population. */
    void usePopulation(PopulationRewardModel model);

    PopulationRewardModel population();
}
