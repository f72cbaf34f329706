package io.pgenrm.runtime;

import io.pgenrm.api.AggregateStoredScoresRequest;
import io.pgenrm.api.BuildPopulationRequest;
import io.pgenrm.api.EvaluateRequest;
import io.pgenrm.api.FittedPrototypes;
import io.pgenrm.api.GenerateStoredRubricRequest;
import io.pgenrm.api.HistoryRef;
import io.pgenrm.api.InduceStoredPersonaRequest;
import io.pgenrm.api.MatchStoredPrototypeRequest;
import io.pgenrm.api.NeighbourRef;
import io.pgenrm.api.PersonaRef;
import io.pgenrm.api.PlanStoredSamplesRequest;
import io.pgenrm.api.PopulationBatch;
import io.pgenrm.api.PopulationBatchRequest;
import io.pgenrm.api.PopulationBuildRequest;
import io.pgenrm.api.PopulationPlan;
import io.pgenrm.api.PopulationSummary;
import io.pgenrm.api.PrepareItemRequest;
import io.pgenrm.api.PreparedItem;
import io.pgenrm.api.RecordItemRequest;
import io.pgenrm.api.RecordSampleFailureRequest;
import io.pgenrm.api.RecordedItem;
import io.pgenrm.api.RegisterHistoryRowRequest;
import io.pgenrm.api.RegisteredRow;
import io.pgenrm.api.ResolveHistoryRequest;
import io.pgenrm.api.RubricResponse;
import io.pgenrm.api.SampleJob;
import io.pgenrm.api.SampleSlot;
import io.pgenrm.api.SchemaMigration;
import io.pgenrm.api.ScoreStoredSamplesRequest;
import io.pgenrm.api.StoredChains;
import io.pgenrm.api.StoredEvaluationRequest;
import io.pgenrm.api.StoredPersona;
import io.pgenrm.api.StoredPrototypeMatch;
import io.pgenrm.api.StoredSamplePlan;
import io.pgenrm.batch.BenchmarkRow;
import io.pgenrm.batch.ItemOutcome;
import io.pgenrm.batch.ItemStatus;
import io.pgenrm.domain.CallCost;
import io.pgenrm.domain.CandidateReward;
import io.pgenrm.domain.CandidateScore;
import io.pgenrm.domain.ChainStatus;
import io.pgenrm.domain.Criterion;
import io.pgenrm.domain.EvaluationChain;
import io.pgenrm.domain.EvaluationResult;
import io.pgenrm.domain.Message;
import io.pgenrm.domain.Persona;
import io.pgenrm.domain.PersonaTrait;
import io.pgenrm.domain.PreferencePair;
import io.pgenrm.domain.Rubric;
import io.pgenrm.domain.SampleSource;
import io.pgenrm.domain.ScalingPlan;
import io.pgenrm.domain.Scenario;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.domain.UserProfile;
import io.pgenrm.local.PopulationRewardModel;
import io.pgenrm.reward.GroupOutcome;
import io.pgenrm.reward.ItemRewards;
import io.pgenrm.reward.OpenRlhfRequest;
import io.pgenrm.reward.OpenRlhfResponse;
import io.pgenrm.reward.ResponseReward;
import io.pgenrm.reward.RewardItem;
import io.pgenrm.reward.RewardPlan;
import io.pgenrm.reward.RewardRequest;
import io.pgenrm.reward.RewardResponse;
import io.pgenrm.reward.RewardUsage;
import io.pgenrm.runtime.aws.FunctionUrlRequest;
import io.pgenrm.runtime.aws.FunctionUrlResponse;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Every type Jackson reads or writes in a function, registered for reflection so a GraalVM native image can
 * construct records through their canonical constructors and read their accessors: the requests and responses of
 * the @Funq methods with everything they contain, plus what storage keeps as JSON columns (ItemOutcome, the
 * population model). The
 * function modules' tests walk their @Funq signatures and fail when a reachable type is missing here.
 */
@RegisterForReflection(targets = {
    // api: requests and responses of the @Funq methods; the evaluation steps pass keys (histories, personas and
    // chains are stored: EvaluationArchive)
    AggregateStoredScoresRequest.class, BuildPopulationRequest.class, EvaluateRequest.class,
    GenerateStoredRubricRequest.class, HistoryRef.class, InduceStoredPersonaRequest.class,
    MatchStoredPrototypeRequest.class, NeighbourRef.class, PersonaRef.class, PlanStoredSamplesRequest.class,
    PrepareItemRequest.class, PreparedItem.class, RecordItemRequest.class, RecordItemRequest.StepError.class,
    RecordSampleFailureRequest.class, RecordedItem.class, ResolveHistoryRequest.class, RubricResponse.class,
    SampleJob.class, SampleSlot.class, ScoreStoredSamplesRequest.class, StoredChains.class,
    StoredEvaluationRequest.class, StoredPersona.class, StoredPrototypeMatch.class, StoredSamplePlan.class,
    RegisterHistoryRowRequest.class, RegisteredRow.class, PopulationSummary.class, SchemaMigration.class,
    // the population's build steps (build-population.asl.json)
    PopulationPlan.class, PopulationBatchRequest.class, PopulationBatch.class, PopulationBuildRequest.class,
    FittedPrototypes.class,
    // domain
    CallCost.class, CandidateReward.class, CandidateScore.class, ChainStatus.class, Criterion.class,
    EvaluationChain.class, EvaluationResult.class, Message.class, Persona.class, PersonaTrait.class,
    PersonaTrait.Dimension.class, PreferencePair.class, Rubric.class, SampleSource.class, ScalingPlan.class,
    Scenario.class, UserHistory.class, UserProfile.class,
    // benchmark rows (prepareBenchmarkItem) and stored item outcomes (recordBenchmarkItem)
    BenchmarkRow.class, BenchmarkRow.Response.class, ItemOutcome.class, ItemStatus.class,
    // the local backend's population model, stored with the population (buildPopulation) and read by --model
    PopulationRewardModel.class, PopulationRewardModel.Penalties.class, PopulationRewardModel.Provenance.class,
    // the reward API (RewardJson), and the function URL envelope it crosses Lambda in
    RewardRequest.class, RewardItem.class, RewardPlan.class, RewardResponse.class, ItemRewards.class,
    ResponseReward.class, GroupOutcome.class, RewardUsage.class, OpenRlhfRequest.class, OpenRlhfResponse.class,
    FunctionUrlRequest.class, FunctionUrlRequest.RequestContext.class, FunctionUrlRequest.Http.class,
    FunctionUrlResponse.class,
})
public final class JsonPayloadTypes {
    private JsonPayloadTypes() {
    }
}
