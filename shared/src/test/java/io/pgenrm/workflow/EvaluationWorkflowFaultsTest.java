package io.pgenrm.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgenrm.api.EvaluateRequest;
import io.pgenrm.domain.CallCost;
import io.pgenrm.domain.CandidateScore;
import io.pgenrm.domain.ChainStatus;
import io.pgenrm.domain.EvaluationChain;
import io.pgenrm.domain.EvaluationResult;
import io.pgenrm.domain.Message;
import io.pgenrm.domain.Persona;
import io.pgenrm.domain.PreferencePair;
import io.pgenrm.domain.Rubric;
import io.pgenrm.domain.ScalingPlan;
import io.pgenrm.domain.Scenario;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.judge.InferenceCallException;
import io.pgenrm.judge.Judge;
import io.pgenrm.judge.Judged;
import io.pgenrm.judge.SampleRequest;
import io.pgenrm.judge.ScoredSample;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EvaluationWorkflowFaultsTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    /** Scores candidate 0 higher; hangs on the sample with index 1; cannot induce the persona of user "down". */
    private static final class ScriptedJudge implements Judge {
        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public boolean personaVariesBySeed() {
            return false;
        }

        @Override
        public boolean needsRubricStep() {
            return false;
        }

        @Override
        public Judged<Persona> inducePersona(UserHistory history, long seed) {
            if (history.userId().equals("down")) {
                throw new InferenceCallException("inference call failed after 4 attempt(s): 503", null);
            }
            return new Judged<>(new Persona(history.userId(), history.version(), seed, "analysis", List.of(),
                    Map.of()), CallCost.oneCall(10, 5, 1), "");
        }

        @Override
        public Judged<Rubric> generateRubric(Persona persona, Scenario scenario, long seed) {
            throw new UnsupportedOperationException("chain-style judge writes its own rubric");
        }

        @Override
        public Judged<ScoredSample> scoreSample(SampleRequest request) {
            if (request.sampleIndex() == 1) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InferenceCallException("interrupted", e);
                }
            }
            return new Judged<>(new ScoredSample(null, List.of(new CandidateScore(0, List.of(), 8),
                    new CandidateScore(1, List.of(), 3))), CallCost.oneCall(10, 5, 1), "");
        }
    }

    private static UserHistory history(String userId) {
        return new UserHistory(userId, List.of(new PreferencePair(List.of(new Message("user", "hi")), "short",
                "a much longer answer")), null);
    }

    private static EvaluateRequest request(String userId, ScalingPlan scaling) {
        return new EvaluateRequest("r-" + userId, userId, history(userId),
                new Scenario(List.of(new Message("user", "q")), List.of("a", "b")), scaling);
    }

    private DirectEvaluationSteps steps(Population population) {
        return new DirectEvaluationSteps(new ScriptedJudge(), new InMemoryPersonaCache(), population::index,
                population::find, 0);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void aSampleStillRunningAtTheDeadlineIsRecordedAsFailedAndTheOthersCount() {
        EvaluationWorkflow workflow = new EvaluationWorkflow(steps(Population.EMPTY), id -> java.util.Optional.empty(),
                pool, Duration.ofMillis(500));
        long started = System.nanoTime();

        EvaluationResult result = workflow.evaluate(request("u1", ScalingPlan.of(3, 0)));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(result.chains()).extracting(EvaluationChain::status)
                .containsExactly(ChainStatus.OK, ChainStatus.CALL_FAILURE, ChainStatus.OK);
        assertThat(result.chains().get(1).error()).contains("deadline");
        assertThat(result.callFailures()).isEqualTo(1);
        assertThat(result.choice()).isEqualTo(0);
    }

    @Test
    void bothOrdersPlansATwinOfEverySampleWithTheSameSeed() {
        EvaluationResult result = new EvaluationWorkflow(steps(Population.EMPTY), id -> java.util.Optional.empty(),
                pool).evaluate(request("u1", new ScalingPlan(1, 0, 0.5, 0.5, true)));

        assertThat(result.chains()).hasSize(2);
        assertThat(result.chains()).extracting(EvaluationChain::seed).containsOnly(result.chains().get(0).seed());
        assertThat(result.choice()).isEqualTo(0);
    }

    @Test
    void aUserWhosePersonaCannotBeInducedIsLeftOutOfThePrototypesAndReported() {
        Map<String, UserHistory> users = new LinkedHashMap<>();
        for (String id : List.of("a", "down", "b", "c")) {
            users.put(id, history(id));
        }

        PopulationBuilder.Built built = PopulationBuilder.build(users, steps(Population.EMPTY), pool, 1, 7);

        assertThat(built.personas()).extracting(Persona::userId).containsExactly("a", "b", "c");
        assertThat(built.failures()).singleElement().satisfies(f -> {
            assertThat(f.userId()).isEqualTo("down");
            assertThat(f.reason()).contains("503");
        });
        assertThat(built.cost().calls()).isEqualTo(3);
    }
}
