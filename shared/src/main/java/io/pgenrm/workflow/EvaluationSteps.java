package io.pgenrm.workflow;

import io.pgenrm.api.AggregateScoresRequest;
import io.pgenrm.api.ChainsResponse;
import io.pgenrm.api.GenerateRubricRequest;
import io.pgenrm.api.GenerateRubricsRequest;
import io.pgenrm.api.InducePersonaRequest;
import io.pgenrm.api.MatchPrototypeRequest;
import io.pgenrm.api.PersonaResponse;
import io.pgenrm.api.PlanSamplesRequest;
import io.pgenrm.api.RubricResponse;
import io.pgenrm.api.RubricsResponse;
import io.pgenrm.api.SamplePlan;
import io.pgenrm.api.ScoreSampleRequest;
import io.pgenrm.domain.EvaluationChain;
import io.pgenrm.domain.EvaluationResult;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.local.PopulationRewardModel;
import io.pgenrm.prototype.ProMMode;
import io.pgenrm.prototype.PrototypeMatch;
import java.util.List;
import java.util.Optional;

/**
 * The steps of one evaluation, one method per deployed function. The in-process workflow and the Step Functions
 * definition both compose exactly these, so the two cannot drift apart.
 */
public interface EvaluationSteps {
    PersonaResponse inducePersona(InducePersonaRequest request);

    PrototypeMatch matchPrototype(MatchPrototypeRequest request);

    SamplePlan planSamples(PlanSamplesRequest request);

    RubricResponse generateRubric(GenerateRubricRequest request);

    /** Several samples' rubrics in one request where the backend can; in-process only (see the request). */
    RubricsResponse generateRubrics(GenerateRubricsRequest request);

    EvaluationChain scoreSample(ScoreSampleRequest request);

    /**
     * Samples that share one prompt (same persona, history, scenario, item seed and order; they differ only in index
     * and seed) scored in one request where the backend can. In-process only: on Step Functions each sample is scored
     * on its own.
     */
    ChainsResponse scoreSamples(List<ScoreSampleRequest> samples);

    EvaluationResult aggregateScores(AggregateScoresRequest request);

    /**
     * Which Pro-M the current prototypes were built for. Not a deployed function: the in-process workflow orders its
     * steps by it, since {@code paper} matches the analysis of the user's own chain, so their samples come first.
     */
    default ProMMode proM() {
        return ProMMode.PERSONA;
    }

    /**
     * Learns what the whole population prefers, before any persona is induced, where the backend refines personas
     * from such a model (local); empty otherwise.
     */
    default Optional<PopulationRewardModel> learnPopulation(List<UserHistory> histories,
            PopulationRewardModel.Provenance provenance) {
        return Optional.empty();
    }
}
