package io.pgenrm.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgenrm.batch.AccuracyReport;
import io.pgenrm.batch.BatchRunner;
import io.pgenrm.batch.BenchmarkDataset;
import io.pgenrm.batch.BenchmarkItem;
import io.pgenrm.batch.ItemOutcome;
import io.pgenrm.batch.RunInfo;
import io.pgenrm.batch.RunStore;
import io.pgenrm.domain.ScalingPlan;
import io.pgenrm.persistence.StoredRuns;
import io.pgenrm.runtime.CurrentPopulation;
import io.pgenrm.testing.EmbeddedPostgresTestResource;
import io.pgenrm.workflow.EvaluationSteps;
import io.pgenrm.workflow.EvaluationWorkflow;
import io.pgenrm.workflow.Population;
import io.pgenrm.workflow.PopulationBuilder;
import io.pgenrm.workflow.PopulationStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Batch runs, items and the population in the real (embedded) PostgreSQL through Hibernate Reactive. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class RunStorePersistenceTest {
    private static final Path SAMPLE = Path.of("..", "..", "examples", "personal-reward-bench-sample.jsonl");

    @Inject
    RunStore runs;

    @Inject
    StoredRuns storedRuns;

    @Inject
    PopulationStore populationStore;

    @Inject
    CurrentPopulation population;

    @Inject
    EvaluationSteps steps;

    @Test
    void anItemRecordedTwiceOrByEightWritersAtOnceIsStoredOnce() throws Exception {
        RunInfo run = new RunInfo("dup-run", "test", "local", ScalingPlan.of(1, 0));
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                attempts.add(() -> {
                    runs.openRun(run);
                    return runs.recordItem(ItemOutcome.failed("dup-run", "item-1", "u1", 3, "HTTP 503 after 4 "
                            + "attempts"), null);
                });
            }
            List<Boolean> stored = new ArrayList<>();
            for (Future<Boolean> f : writers.invokeAll(attempts)) {
                stored.add(f.get());
            }
            assertThat(stored).containsOnlyOnce(true);
        } finally {
            writers.shutdownNow();
        }

        assertThat(runs.recordItem(ItemOutcome.failed("dup-run", "item-1", "u1", 3, "again"), null)).isFalse();
        assertThat(runs.finishedItemIds("dup-run")).containsExactly("item-1");
        assertThat(runs.outcomes("dup-run")).singleElement()
                .satisfies(o -> assertThat(o.reason()).isEqualTo("HTTP 503 after 4 attempts"));
    }

    @Test
    void aRunCutShortResumesOnTheFullFileWithEveryItemExactlyOnce() throws Exception {
        BenchmarkDataset full = BenchmarkDataset.load(SAMPLE);
        List<String> lines = Files.readAllLines(SAMPLE);
        Path firstThird = Files.createTempFile("pgenrm-first-third", ".jsonl");
        Files.write(firstThird, lines.subList(0, lines.size() / 3));
        BenchmarkDataset cut = BenchmarkDataset.load(firstThird);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        ExecutorService itemPool = Executors.newFixedThreadPool(2);
        try {
            PopulationBuilder.Built built = PopulationBuilder.build(full.histories(), steps, pool, 0, 7);
            populationStore.save(built.population(), built.personas());
            population.replace(built.population());
            EvaluationWorkflow workflow = new EvaluationWorkflow(steps, population, pool);
            RunInfo run = new RunInfo("resume-run", SAMPLE.toString(), "local", ScalingPlan.of(2, 2));

            BatchRunner runner = new BatchRunner(workflow, runs, itemPool);
            AccuracyReport first = runner.run(run, 0, cut, new RecordingProgress());
            RecordingProgress resumed = new RecordingProgress();
            AccuracyReport second = runner.run(run, 0, full, resumed);

            assertThat(first.items()).isEqualTo(cut.items().size()).isPositive();
            assertThat(resumed.alreadyDone).isEqualTo(cut.items().size());
            assertThat(resumed.finishedHere).isEqualTo(full.items().size() - cut.items().size());
            assertThat(second.items()).isEqualTo(full.items().size());
            assertThat(runs.outcomes("resume-run")).extracting(ItemOutcome::itemId)
                    .containsExactlyInAnyOrderElementsOf(full.items().stream().map(BenchmarkItem::itemId).toList())
                    .doesNotHaveDuplicates();
            assertThat(second.accuracy()).isGreaterThan(0.5);
            // Each item keeps the scenario it was judged on, candidates in the order its result refers to.
            BenchmarkItem some = full.items().get(full.items().size() - 1);
            assertThat(storedRuns.item("resume-run", some.itemId())).get()
                    .satisfies(item -> assertThat(item.scenario()).isEqualTo(some.toRequest(run.scaling()).scenario()));
        } finally {
            itemPool.shutdownNow();
            pool.shutdownNow();
        }
    }

    @Test
    void theStoredPopulationIsWhatAFreshProcessServes() throws Exception {
        BenchmarkDataset data = BenchmarkDataset.load(SAMPLE);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            PopulationBuilder.Built built = PopulationBuilder.build(data.histories(), steps, pool, 4, 7);
            populationStore.save(built.population(), built.personas());
        } finally {
            pool.shutdownNow();
        }

        Population loaded = populationStore.load();

        assertThat(loaded.users()).hasSameSizeAs(data.histories());
        assertThat(loaded.index().prototypes()).hasSize(4);
        String someUser = data.histories().keySet().iterator().next();
        assertThat(loaded.find(someUser)).contains(data.histories().get(someUser));
    }
}
