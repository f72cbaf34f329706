package io.pgenrm.llm;

import static io.pgenrm.llm.ChainFormatJudgeTest.CHAIN_OUTPUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.output.FinishReason;
import io.pgenrm.api.EvaluateRequest;
import io.pgenrm.domain.ChainStatus;
import io.pgenrm.domain.EvaluationChain;
import io.pgenrm.domain.EvaluationResult;
import io.pgenrm.domain.Message;
import io.pgenrm.domain.PreferencePair;
import io.pgenrm.domain.SampleSource;
import io.pgenrm.domain.ScalingPlan;
import io.pgenrm.domain.Scenario;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.llm.ChainFormatJudgeTest.RecordingEndpoint;
import io.pgenrm.llm.ChainFormatJudgeTest.RecordingModel;
import io.pgenrm.workflow.DirectEvaluationSteps;
import io.pgenrm.workflow.EvaluationWorkflow;
import io.pgenrm.workflow.InMemoryPersonaCache;
import io.pgenrm.workflow.Population;
import io.pgenrm.workflow.PopulationBuilder;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A whole evaluation in the chain format: one generation per sample, Ind-N in one request, no persona call. */
class ChainModeEvaluationTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final RecordingModel model = new RecordingModel(CHAIN_OUTPUT, FinishReason.STOP);

    private static UserHistory history(String user, String chosen) {
        return new UserHistory(user, List.of(new PreferencePair(List.of(new Message("user", "Explain TCP")), chosen,
                "A very long and winding explanation of TCP.")), null);
    }

    private static final Map<String, UserHistory> USERS = Map.of(
            "u1", history("u1", "Reliable ordered delivery."),
            "n1", history("n1", "A handshake, then acknowledged segments."),
            "n2", history("n2", "Packets that arrive in order."));

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private EvaluationResult evaluate(RecordingEndpoint endpoint, ScalingPlan plan) {
        Population[] population = {Population.EMPTY};
        DirectEvaluationSteps steps = new DirectEvaluationSteps(ChainFormatJudgeTest.chainJudge(model, endpoint),
                new InMemoryPersonaCache(), () -> population[0].index(), id -> population[0].find(id), 2);
        PopulationBuilder.Built built = PopulationBuilder.build(USERS, steps, pool, 1, PopulationBuilder.PROTOTYPE_SEED);
        population[0] = built.population();
        assertThat(built.cost().calls()).as("no persona calls for the population").isZero();
        return new EvaluationWorkflow(steps, id -> population[0].find(id), pool).evaluate(new EvaluateRequest("item-1",
                "u1", USERS.get("u1"), new Scenario(List.of(new Message("user", "What is UDP?")),
                        List.of("ALPHA: datagrams, no guarantees.", "BETA: a long essay on UDP.")), plan));
    }

    private static RecordingEndpoint endpointAnswering(int usable) {
        return new RecordingEndpoint(IntStream.range(0, 16).mapToObj(i -> new MultiSampleEndpoint.Completions.Choice(
                i < usable ? CHAIN_OUTPUT : CHAIN_OUTPUT.substring(0, 60), i >= usable)).toList());
    }

    @Test
    void indFourProTwoCostsOneRequestForTheUsersSamplesAndOneForEachNeighbour() {
        RecordingEndpoint endpoint = endpointAnswering(16);

        EvaluationResult result = evaluate(endpoint, ScalingPlan.of(4, 2));

        assertThat(endpoint.ns).containsExactly(4);
        assertThat(model.prompts).hasSize(2);
        assertThat(result.cost().calls()).isEqualTo(1 + 2);
        assertThat(result.chains()).hasSize(6).allSatisfy(chain -> {
            assertThat(chain.status()).isEqualTo(ChainStatus.OK);
            assertThat(chain.persona().analysis()).isEqualTo("This user keeps choosing the shorter answer.");
            assertThat(chain.rubric().criteria()).hasSize(2);
            assertThat(chain.rawOutput()).isEqualTo(CHAIN_OUTPUT);
        });
        assertThat(result.chains()).filteredOn(c -> c.source() == SampleSource.NEIGHBOUR)
                .extracting(EvaluationChain::personaUserId).containsExactlyInAnyOrder("n1", "n2");
        // The neighbours judge from their own records, shown the candidates in the item's one order.
        assertThat(model.prompts).extracting(p -> p[1]).containsOnly(endpoint.users.get(0));
        assertThat(model.prompts).extracting(p -> p[0]).anySatisfy(s -> assertThat(s).contains("Chosen: A handshake"))
                .anySatisfy(s -> assertThat(s).contains("Chosen: Packets that arrive in order."))
                .noneSatisfy(s -> assertThat(s).contains("Chosen: Reliable ordered delivery."));
        assertThat(result.choice()).isNotNull();
    }

    @Test
    void bothOrdersAskOnceForEachOrder() {
        RecordingEndpoint endpoint = endpointAnswering(16);

        EvaluationResult result = evaluate(endpoint, new ScalingPlan(4, 2, 0.5, 0.5, true));

        assertThat(endpoint.ns).containsExactly(4, 4);
        assertThat(Collections.frequency(endpoint.users, endpoint.users.get(0))).isEqualTo(1);
        assertThat(result.cost().calls()).isEqualTo(2 * (1 + 2));
        assertThat(result.chains()).hasSize(12).allMatch(EvaluationChain::scored);
        // A judge that always prefers the response shown first is cancelled out.
        assertThat(result.tie()).isTrue();
    }

    @Test
    void aChoiceCutOffInTheSharedRequestIsResampledOnItsOwnAndCounted() {
        RecordingEndpoint endpoint = endpointAnswering(3);

        EvaluationResult result = evaluate(endpoint, ScalingPlan.of(4, 2));

        assertThat(endpoint.ns).containsExactly(4);
        assertThat(model.prompts).hasSize(3);
        assertThat(result.cost().calls()).isEqualTo(1 + 1 + 2);
        assertThat(result.cost().cutOffOutputs()).isEqualTo(1);
        assertThat(result.cost().resamples()).isEqualTo(1);
        assertThat(result.chains()).hasSize(6).allMatch(EvaluationChain::scored);
    }
}
