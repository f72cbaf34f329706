package io.pgenrm.persistence;

import io.pgenrm.runtime.CurrentPopulation;
import io.pgenrm.workflow.EvaluationArchive;
import io.pgenrm.workflow.EvaluationSteps;
import io.pgenrm.workflow.StoredEvaluationSteps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The evaluation steps by reference, for every deployable that has the database. */
@ApplicationScoped
public class StoredStepsProducer {
    @Produces
    @ApplicationScoped
    StoredEvaluationSteps storedSteps(EvaluationSteps steps, EvaluationArchive archive, CurrentPopulation population) {
        return new StoredEvaluationSteps(steps, archive, population);
    }
}
