package io.pgenrm.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgenrm.batch.AccuracyReport;
import io.pgenrm.batch.BatchRunner;
import io.pgenrm.batch.BenchmarkDataset;
import io.pgenrm.batch.ItemOutcome;
import io.pgenrm.batch.RunInfo;
import io.pgenrm.domain.EvaluationChain;
import io.pgenrm.domain.EvaluationResult;
import io.pgenrm.domain.SampleSource;
import io.pgenrm.domain.ScalingPlan;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.local.TextEmbedder;
import io.pgenrm.persistence.ReactiveRunStore;
import io.pgenrm.prototype.AnalysisEmbedding;
import io.pgenrm.prototype.ProMMode;
import io.pgenrm.prototype.Prototype;
import io.pgenrm.prototype.PrototypeIndex;
import io.pgenrm.runtime.CurrentPopulation;
import io.pgenrm.testing.EmbeddedPostgresTestResource;
import io.pgenrm.workflow.EvaluationSteps;
import io.pgenrm.workflow.EvaluationWorkflow;
import io.pgenrm.workflow.PopulationBuilder;
import io.pgenrm.workflow.PopulationStore;
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
 * Pro-M as in the paper, on the llm backend in the chain format, against the endpoint that behaves like the
 * fine-tuned P-GenRM ({@link OfficialStyleEndpoint}): the prototypes cluster the analyses of one chain per user and
 * past choice, each evaluation is placed by the analysis of its user's own chain, and the neighbours are the most
 * similar users of that prototype, judging from their own past choices.
 */
@QuarkusTest
@TestProfile(PaperProMReplayTest.PaperProfile.class)
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
@QuarkusTestResource(value = OfficialStyleEndpoint.class, restrictToAnnotatedClass = true)
class PaperProMReplayTest {
    private static final Path SAMPLE = Path.of("..", "..", "examples", "personal-reward-bench-sample.jsonl");
    private static final int IND = 4;
    private static final int PRO = 2;

    public static class PaperProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pgenrm.backend", "llm", "pgenrm.llm.format", "chain", "pgenrm.llm.prompt-set", "paper",
                    "pgenrm.max-in-flight", "64", "pgenrm.pro-m.mode", "paper");
        }
    }

    @Inject
    EvaluationSteps steps;

    @Inject
    CurrentPopulation population;

    @Inject
    PopulationStore populationStore;

    @Inject
    ReactiveRunStore runs;

    @Inject
    TextEmbedder embedder;

    @ConfigProperty(name = "quarkus.langchain4j.openai.base-url")
    String endpoint;

    private long endpointCounter(String name) {
        return SimulatedEndpointResource.counter(endpoint, name);
    }

    @Test
    void theExampleBatchIsScoredWithNeighboursFromTheChainAnalysisPrototypesAtOnePlusMRequests() throws Exception {
        BenchmarkDataset data = BenchmarkDataset.load(SAMPLE);
        int pairs = data.histories().values().stream().mapToInt(h -> h.pairs().size()).sum();
        ExecutorService samples = Executors.newFixedThreadPool(64);
        ExecutorService items = Executors.newFixedThreadPool(4);
        try {
            long requestsBefore = endpointCounter("requests");
            PopulationBuilder.Built built = PopulationBuilder.build(data.histories(), steps, samples, 0,
                    PopulationBuilder.PROTOTYPE_SEED, SAMPLE.getFileName().toString(), ProMMode.PAPER, embedder);
            PrototypeIndex index = built.population().prototypes();

            // One chain per past choice, one more request for each cut-off output that was resampled.
            int analyses = index.embeddings().size();
            assertThat(index.mode()).isEqualTo(ProMMode.PAPER);
            assertThat(analyses).isLessThanOrEqualTo(pairs).isGreaterThan(pairs * 99 / 100);
            assertThat(built.cost().calls()).isEqualTo(pairs + built.cost().cutOffOutputs() - (pairs - analyses));
            assertThat(endpointCounter("requests") - requestsBefore).isEqualTo(built.cost().calls());
            assertThat(index.prototypes()).hasSize(ProMMode.PAPER_PROTOTYPES);
            assertThat(built.failures()).isEmpty();
            assertThat(index.embeddings().keySet()).extracting(index::ownerOf)
                    .allSatisfy(user -> assertThat(data.histories().get(user).pairs()).isNotEmpty());

            // Another process serving this population places users the same way.
            populationStore.save(built.population(), built.personas());
            PrototypeIndex stored = populationStore.load().prototypes();
            assertThat(stored.mode()).isEqualTo(ProMMode.PAPER);
            assertThat(stored.prototypes()).extracting(Prototype::members)
                    .containsExactlyElementsOf(index.prototypes().stream().map(Prototype::members).toList());
            assertThat(stored.embeddings().keySet()).allSatisfy(m -> assertThat(stored.ownerOf(m))
                    .isEqualTo(index.ownerOf(m)));
            population.replace(built.population());
            assertThat(steps.proM()).isEqualTo(ProMMode.PAPER);

            long batchBefore = endpointCounter("requests");
            BatchRunner runner = new BatchRunner(new EvaluationWorkflow(steps, population, samples), runs, items);
            RunInfo run = new RunInfo("paper-pro-m-replay", SAMPLE.toString(), "llm/chain", ScalingPlan.of(IND, PRO));
            AccuracyReport report = runner.run(run, 0, data, new RecordingProgress());

            assertThat(report.items()).isEqualTo(246);
            assertThat(report.unscored()).isZero();
            assertThat(report.failed()).isZero();
            assertThat(report.callFailures()).isZero();
            assertThat(endpointCounter("off_format_prompts")).as("prompts of any other shape").isZero();
            assertThat(endpointCounter("requests") - batchBefore).isEqualTo(report.calls());
            List<ItemOutcome> outcomes = runs.outcomes(run.runId());
            assertThat(outcomes).allSatisfy(o -> assertThat(o.cost().calls())
                    .isEqualTo(1 + PRO + o.cost().cutOffOutputs() - o.parseFailures()));

            for (ItemOutcome outcome : outcomes) {
                EvaluationResult result = runs.result(run.runId(), outcome.itemId());
                String ownAnalysis = result.chains().stream()
                        .filter(c -> c.source() == SampleSource.SELF && c.scored()).findFirst().orElseThrow()
                        .persona().analysis();
                PrototypeIndex.Ranked expected = index.match(result.userId(),
                        AnalysisEmbedding.of(embedder, ownAnalysis), PRO);
                assertThat(result.prototypeId()).isEqualTo(expected.prototypeId());
                assertThat(result.neighbours()).hasSize(PRO).doesNotContain(result.userId()).containsExactlyElementsOf(
                        expected.members().stream().map(PrototypeIndex.Ranked.Member::userId).toList());
                // Each neighbour judged from their own past choices, shown as the paper's six random triples.
                List<EvaluationChain> neighbourChains = result.chains().stream()
                        .filter(c -> c.source() == SampleSource.NEIGHBOUR).toList();
                assertThat(neighbourChains).extracting(EvaluationChain::personaUserId)
                        .containsExactlyElementsOf(result.neighbours());
                assertThat(neighbourChains).filteredOn(EvaluationChain::scored).allSatisfy(c -> {
                    UserHistory neighbour = data.histories().get(c.personaUserId());
                    assertThat(c.persona().analysis())
                            .startsWith("Across " + Math.min(6, neighbour.pairs().size()) + " earlier choices");
                });
            }
            assertThat(report.accuracy()).isGreaterThan(0.5);
        } finally {
            items.shutdownNow();
            samples.shutdownNow();
        }
    }
}
