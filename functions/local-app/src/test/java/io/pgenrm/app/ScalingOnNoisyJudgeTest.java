package io.pgenrm.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgenrm.batch.AccuracyReport;
import io.pgenrm.batch.BatchRunner;
import io.pgenrm.batch.BenchmarkDataset;
import io.pgenrm.batch.RunInfo;
import io.pgenrm.batch.RunStore;
import io.pgenrm.domain.ScalingPlan;
import io.pgenrm.runtime.CurrentPopulation;
import io.pgenrm.testing.EmbeddedPostgresTestResource;
import io.pgenrm.simulator.DatasetGenerator;
import io.pgenrm.simulator.DatasetSpec;
import io.pgenrm.workflow.EvaluationSteps;
import io.pgenrm.workflow.EvaluationWorkflow;
import io.pgenrm.workflow.PopulationBuilder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** End to end through the llm backend: on a noisy judge, averaging more samples picks the user's choice more often. */
@QuarkusTest
@TestProfile(ScalingOnNoisyJudgeTest.LlmProfile.class)
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
@QuarkusTestResource(value = NoisySimulatedJudge.class, restrictToAnnotatedClass = true)
class ScalingOnNoisyJudgeTest {
    public static class LlmProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pgenrm.backend", "llm", "pgenrm.llm.format", "staged", "pgenrm.max-in-flight", "64");
        }
    }

    @Inject
    EvaluationSteps steps;

    @Inject
    CurrentPopulation population;

    @Inject
    RunStore runs;

    @ConfigProperty(name = "quarkus.langchain4j.openai.base-url")
    String endpoint;

    private long endpointCounter(String name) {
        return SimulatedEndpointResource.counter(endpoint, name);
    }

    @Test
    void accuracyRisesFromIndOneToIndSixteen() throws Exception {
        Path file = Files.createTempFile("pgenrm-noisy", ".jsonl");
        new DatasetGenerator().generate(DatasetSpec.of(60, 2, 21)).writeJsonl(file);
        BenchmarkDataset data = BenchmarkDataset.load(file);
        ExecutorService samples = Executors.newFixedThreadPool(64);
        ExecutorService items = Executors.newFixedThreadPool(4);
        try {
            population.replace(PopulationBuilder.build(data.histories(), steps, samples, 0, 7).population());
            BatchRunner runner = new BatchRunner(new EvaluationWorkflow(steps, population, samples), runs, items);

            long choicesBefore = endpointCounter("choices");
            long requestsBefore = endpointCounter("requests");
            AccuracyReport ind1 = runner.run(new RunInfo("noisy-ind1", file.toString(), "llm", ScalingPlan.of(1, 0)),
                    0, data, new RecordingProgress());
            AccuracyReport ind16 = runner.run(new RunInfo("noisy-ind16", file.toString(), "llm",
                    ScalingPlan.of(16, 0)), 0, data, new RecordingProgress());

            assertThat(ind1.items()).isEqualTo(data.items().size()).isEqualTo(120);
            assertThat(ind16.failed() + ind16.unscored()).isZero();
            assertThat(ind16.accuracy()).as("Ind-16 %.3f over Ind-1 %.3f", ind16.accuracy(), ind1.accuracy())
                    .isGreaterThan(ind1.accuracy() + 0.03);
            // Ind-1: a rubric and a scoring call per item; Ind-16: one rubric request for all 16, then 16 scorings.
            assertThat(ind16.calls()).isGreaterThan(5 * ind1.calls());
            // Ind-16's rubrics come 16 to a request (n = 16), so the endpoint served many more choices than requests.
            long choices = endpointCounter("choices") - choicesBefore;
            long requests = endpointCounter("requests") - requestsBefore;
            assertThat(choices).isGreaterThan(requests + 10L * data.items().size());
        } finally {
            items.shutdownNow();
            samples.shutdownNow();
        }
    }
}
