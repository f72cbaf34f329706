package io.pgenrm.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgenrm.batch.AccuracyReport;
import io.pgenrm.batch.BatchRunner;
import io.pgenrm.batch.BenchmarkDataset;
import io.pgenrm.batch.ItemOutcome;
import io.pgenrm.batch.RunInfo;
import io.pgenrm.chain.ChainParser;
import io.pgenrm.domain.Criterion;
import io.pgenrm.domain.EvaluationChain;
import io.pgenrm.domain.SampleSource;
import io.pgenrm.domain.ScalingPlan;
import io.pgenrm.persistence.ReactiveRunStore;
import io.pgenrm.runtime.CurrentPopulation;
import io.pgenrm.testing.EmbeddedPostgresTestResource;
import io.pgenrm.workflow.EvaluationSteps;
import io.pgenrm.workflow.EvaluationWorkflow;
import io.pgenrm.workflow.PopulationBuilder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A replay of the example batch in the chain format, with the paper's prompt set, against an endpoint that behaves
 * like the fine-tuned P-GenRM: it scores only chain-shaped prompts, in the official output style, and cuts some
 * chains off at max-tokens. Every item must be scored from chains alone, at 1 + M requests per evaluation plus one
 * per cut-off output.
 */
@QuarkusTest
@TestProfile(OfficialStyleReplayTest.ChainProfile.class)
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
@QuarkusTestResource(value = OfficialStyleEndpoint.class, restrictToAnnotatedClass = true)
class OfficialStyleReplayTest {
    private static final Path SAMPLE = Path.of("..", "..", "examples", "personal-reward-bench-sample.jsonl");
    private static final int IND = 4;
    private static final int PRO = 2;

    public static class ChainProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pgenrm.backend", "llm", "pgenrm.llm.format", "chain", "pgenrm.llm.prompt-set", "paper",
                    "pgenrm.max-in-flight", "64");
        }
    }

    @Inject
    EvaluationSteps steps;

    @Inject
    CurrentPopulation population;

    @Inject
    ReactiveRunStore runs;

    @ConfigProperty(name = "quarkus.langchain4j.openai.base-url")
    String endpoint;

    private long endpointCounter(String name) {
        return SimulatedEndpointResource.counter(endpoint, name);
    }

    /** Each failed chain's item, source and error. */
    private List<String> failures(String runId) {
        return runs.outcomes(runId).stream().filter(o -> o.parseFailures() + o.callFailures() > 0)
                .flatMap(o -> runs.result(runId, o.itemId()).chains().stream().filter(c -> !c.scored())
                        .map(c -> o.itemId() + " " + c.source() + " " + c.personaUserId() + ": " + c.error()))
                .toList();
    }

    @Test
    void theExampleBatchAtIndFourProTwoIsScoredFromOfficialStyleChainsAtOnePlusMRequestsPerEvaluation()
            throws Exception {
        BenchmarkDataset data = BenchmarkDataset.load(SAMPLE);
        ExecutorService samples = Executors.newFixedThreadPool(64);
        ExecutorService items = Executors.newFixedThreadPool(4);
        try {
            long requestsBefore = endpointCounter("requests");
            PopulationBuilder.Built built = PopulationBuilder.build(data.histories(), steps, samples, 0,
                    PopulationBuilder.PROTOTYPE_SEED);
            population.replace(built.population());
            assertThat(endpointCounter("requests")).as("no persona requests").isEqualTo(requestsBefore);

            BatchRunner runner = new BatchRunner(new EvaluationWorkflow(steps, population, samples), runs, items);
            RunInfo run = new RunInfo("official-style-replay", SAMPLE.toString(), "llm/chain", ScalingPlan.of(IND, PRO));
            AccuracyReport report = runner.run(run, 0, data, new RecordingProgress());

            assertThat(report.items()).isEqualTo(246);
            assertThat(report.unscored()).isZero();
            assertThat(report.failed()).isZero();
            assertThat(report.callFailures()).isZero();
            // Only a sample whose every attempt ran past max-tokens may fail; its item is still scored.
            assertThat(failures(run.runId())).allSatisfy(error -> assertThat(error).contains("cut off at max-tokens"));
            assertThat(endpointCounter("off_format_prompts")).as("prompts of any other shape").isZero();
            assertThat(endpointCounter("requests") - requestsBefore).isEqualTo(report.calls());

            List<ItemOutcome> outcomes = runs.outcomes(run.runId());
            int cutOff = outcomes.stream().mapToInt(o -> o.cost().cutOffOutputs()).sum();
            assertThat(cutOff).as("chains cut off and resampled").isPositive()
                    .isEqualTo(endpointCounter("length_cut_choices"));
            // The run counts them, and every one was resampled but the last cut of a sample out of resamples.
            assertThat(report.faults().cutOffOutputs()).isEqualTo(cutOff);
            assertThat(report.faults().resamples()).isEqualTo(cutOff - report.parseFailures());
            // One request for the user's four chains (n = 4), one per neighbour, and one more for each cut-off output
            // that was resampled (the last cut of a sample that used up its resamples was not).
            assertThat(outcomes).allSatisfy(o -> assertThat(o.cost().calls())
                    .isEqualTo(1 + PRO + o.cost().cutOffOutputs() - o.parseFailures()));
            assertThat(outcomes.stream().filter(o -> o.cost().cutOffOutputs() == 0))
                    .allSatisfy(o -> assertThat(o.cost().calls()).isLessThanOrEqualTo(1 + PRO));

            for (ItemOutcome outcome : outcomes) {
                List<EvaluationChain> chains = runs.result(run.runId(), outcome.itemId()).chains();
                assertThat(chains).hasSize(IND + PRO).filteredOn(EvaluationChain::scored)
                        .hasSize(IND + PRO - outcome.parseFailures()).allSatisfy(chain -> {
                            assertThat(chain.rubric().criteria()).hasSizeGreaterThanOrEqualTo(3)
                                    .extracting(Criterion::name).doesNotContain(ChainParser.OVERALL_FIT);
                            assertThat(chain.persona().analysis()).isNotBlank();
                        });
                // The history reached the judge as the paper's six triples in the system message.
                String expected = outcome.historySize() == 0 ? "There is no record"
                        : "Across " + Math.min(6, outcome.historySize()) + " earlier choices";
                assertThat(chains).filteredOn(c -> c.source() == SampleSource.SELF && c.scored())
                        .allSatisfy(c -> assertThat(c.persona().analysis()).startsWith(expected));
            }
            assertThat(report.accuracy()).isGreaterThan(0.5);
        } finally {
            items.shutdownNow();
            samples.shutdownNow();
        }
    }
}
