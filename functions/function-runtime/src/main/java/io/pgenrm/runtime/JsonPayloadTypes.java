package io.pgenrm.runtime;

import io.pgenrm.api.AggregateScoresRequest;
import io.pgenrm.api.BuildPopulationRequest;
import io.pgenrm.api.EvaluateRequest;
import io.pgenrm.api.GenerateRubricRequest;
import io.pgenrm.api.InducePersonaRequest;
import io.pgenrm.api.MatchPrototypeRequest;
import io.pgenrm.api.PersonaResponse;
import io.pgenrm.api.PlanSamplesRequest;
import io.pgenrm.api.PopulationSummary;
import io.pgenrm.api.PrepareItemRequest;
import io.pgenrm.api.PreparedItem;
import io.pgenrm.api.RecordItemRequest;
import io.pgenrm.api.RecordedItem;
import io.pgenrm.api.RegisterHistoryRowRequest;
import io.pgenrm.api.RegisteredRow;
import io.pgenrm.api.RubricResponse;
import io.pgenrm.api.SamplePlan;
import io.pgenrm.api.SampleTask;
import io.pgenrm.api.SchemaMigration;
import io.pgenrm.api.ScoreSampleRequest;
import io.pgenrm.bench.BenchmarkRow;
import io.pgenrm.bench.ItemOutcome;
import io.pgenrm.bench.ItemStatus;
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
import io.pgenrm.prototype.Neighbour;
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
import io.pgenrm.prototype.PrototypeMatch;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Every type Jackson reads or writes in a function, registered for reflection so a GraalVM native image can
 * construct records through their canonical constructors and read their accessors: the requests and responses of
 * the @Funq methods with everything they contain, plus what storage keeps as JSON columns (ItemOutcome, the
 * population model). The
 * function modules' tests walk their @Funq signatures and fail when a reachable type is missing here.
 */
@RegisterForReflection(targets = {
    // api: requests and responses of the @Funq methods
    AggregateScoresRequest.class, BuildPopulationRequest.class, EvaluateRequest.class, GenerateRubricRequest.class, InducePersonaRequest.class,
    MatchPrototypeRequest.class, PersonaResponse.class, PlanSamplesRequest.class, PrepareItemRequest.class,
    PreparedItem.class, RecordItemRequest.class, RecordItemRequest.StepError.class, RecordedItem.class,
    RubricResponse.class, SamplePlan.class, SampleTask.class, ScoreSampleRequest.class,
    RegisterHistoryRowRequest.class, RegisteredRow.class, PopulationSummary.class, SchemaMigration.class,
    // domain
    CallCost.class, CandidateReward.class, CandidateScore.class, ChainStatus.class, Criterion.class,
    EvaluationChain.class, EvaluationResult.class, Message.class, Persona.class, PersonaTrait.class,
    PersonaTrait.Dimension.class, PreferencePair.class, Rubric.class, SampleSource.class, ScalingPlan.class,
    Scenario.class, UserHistory.class, UserProfile.class,
    // prototype matching
    Neighbour.class, PrototypeMatch.class,
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
