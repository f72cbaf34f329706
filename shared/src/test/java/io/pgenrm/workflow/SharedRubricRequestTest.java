package io.pgenrm.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgenrm.api.EvaluateRequest;
import io.pgenrm.domain.CallCost;
import io.pgenrm.domain.CandidateScore;
import io.pgenrm.domain.ChainStatus;
import io.pgenrm.domain.Criterion;
import io.pgenrm.domain.EvaluationChain;
import io.pgenrm.domain.EvaluationResult;
import io.pgenrm.domain.Message;
import io.pgenrm.domain.Persona;
import io.pgenrm.domain.PreferencePair;
import io.pgenrm.domain.Rubric;
import io.pgenrm.domain.ScalingPlan;
import io.pgenrm.domain.Scenario;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.judge.Judge;
import io.pgenrm.judge.Judged;
import io.pgenrm.judge.SampleRequest;
import io.pgenrm.judge.ScoredSample;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SharedRubricRequestTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    /** A staged judge whose shared rubric request returns one rubric fewer than asked, counting its calls. */
    private static final class StagedJudge implements Judge {
        final AtomicInteger sharedRequests = new AtomicInteger();
        final AtomicInteger singleRubrics = new AtomicInteger();
        final List<String> rubricsScored = Collections.synchronizedList(new ArrayList<>());

        @Override
        public String name() {
            return "staged";
        }

        @Override
        public boolean personaVariesBySeed() {
            return false;
        }

        @Override
        public boolean needsRubricStep() {
            return true;
        }

        @Override
        public Judged<Persona> inducePersona(UserHistory history, long seed) {
            return new Judged<>(new Persona(history.userId(), history.version(), seed, "a", List.of(), Map.of()),
                    CallCost.oneCall(1, 1, 1), "");
        }

        @Override
        public Judged<Rubric> generateRubric(Persona persona, Scenario scenario, long seed) {
            singleRubrics.incrementAndGet();
            return new Judged<>(rubric("single"), CallCost.oneCall(1, 1, 1), "");
        }

        @Override
        public Judged<List<Rubric>> generateRubrics(Persona persona, Scenario scenario, long seed, int count) {
            sharedRequests.incrementAndGet();
            List<Rubric> rubrics = new ArrayList<>();
            for (int i = 0; i < count - 1; i++) {
                rubrics.add(rubric("shared"));
            }
            return new Judged<>(rubrics, CallCost.oneCall(10, 10, 1), "");
        }

        @Override
        public Judged<ScoredSample> scoreSample(SampleRequest request) {
            rubricsScored.add(request.rubric().criteria().get(0).name());
            return new Judged<>(new ScoredSample(request.rubric(), List.of(new CandidateScore(0, List.of(), 7),
                    new CandidateScore(1, List.of(), 4))), CallCost.oneCall(1, 1, 1), "");
        }

        private static Rubric rubric(String name) {
            return new Rubric(List.of(new Criterion(name, "", 100)));
        }
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void theUsersOwnSamplesGetTheirRubricsFromOneRequestAndTheRestFallBackToTheirOwn() {
        StagedJudge judge = new StagedJudge();
        DirectEvaluationSteps steps = new DirectEvaluationSteps(judge, new InMemoryPersonaCache(),
                Population.EMPTY::index, id -> Optional.empty(), 0);
        UserHistory history = new UserHistory("u1", List.of(new PreferencePair(List.of(new Message("user", "hi")),
                "short", "long")), null);

        EvaluationResult result = new EvaluationWorkflow(steps, id -> Optional.empty(), pool).evaluate(
                new EvaluateRequest("r1", "u1", history, new Scenario(List.of(new Message("user", "q")),
                        List.of("a", "b")), ScalingPlan.of(4, 0)));

        assertThat(result.chains()).extracting(EvaluationChain::status).containsOnly(ChainStatus.OK);
        assertThat(judge.sharedRequests).hasValue(1);
        assertThat(judge.singleRubrics).hasValue(1);
        assertThat(judge.rubricsScored).containsExactlyInAnyOrder("shared", "shared", "shared", "single");
        // 1 persona + 1 shared rubric request + 1 single rubric + 4 scorings; the persona is cached for samples.
        assertThat(result.cost().calls()).isEqualTo(7);
        assertThat(result.choice()).isEqualTo(0);
    }
}
