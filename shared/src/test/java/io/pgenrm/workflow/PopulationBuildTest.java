package io.pgenrm.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgenrm.api.FittedPrototypes;
import io.pgenrm.api.PopulationPlan;
import io.pgenrm.api.PopulationSummary;
import io.pgenrm.batch.BenchmarkDataset;
import io.pgenrm.domain.CallCost;
import io.pgenrm.domain.InvalidInputException;
import io.pgenrm.domain.Message;
import io.pgenrm.domain.PreferencePair;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.domain.UserProfile;
import io.pgenrm.local.BgeSmallEmbedder;
import io.pgenrm.local.LocalJudge;
import io.pgenrm.prototype.Prototype;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The population built in batched steps (build-population.asl.json), run in this process over an in-memory store. */
class PopulationBuildTest {
    private static final Path SAMPLE = Path.of("..", "examples", "personal-reward-bench-sample.jsonl");
    private static final BgeSmallEmbedder EMBEDDER = new BgeSmallEmbedder();
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private static DirectEvaluationSteps steps(LocalJudge judge) {
        return new DirectEvaluationSteps(judge, new InMemoryPersonaCache(), Population.EMPTY, Population.EMPTY, 0);
    }

    @Test
    void aSmallPopulationGetsThePrototypesPgenrmEvaluateFinds() throws IOException {
        // 24 of the example's users keep the test short; k-means++ over them is the exact path all the same.
        Map<String, UserHistory> histories = new LinkedHashMap<>();
        BenchmarkDataset.load(SAMPLE).histories().values().stream().sorted(Comparator.comparing(UserHistory::userId))
                .limit(24).forEach(h -> histories.put(h.userId(), h));
        LocalJudge inProcess = new LocalJudge(EMBEDDER);
        Population reference = PopulationBuilder.build(histories, steps(inProcess), pool, 0,
                PopulationBuilder.PROTOTYPE_SEED).population();
        LocalJudge batched = new LocalJudge(EMBEDDER);
        InMemoryPopulationBuildStore store = new InMemoryPopulationBuildStore("run", histories);

        PopulationSummary summary = new PopulationBuild(steps(batched), batched, store, pool).buildAll("run", 0);

        Population built = store.published();
        long withPairs = histories.values().stream().filter(h -> !h.pairs().isEmpty()).count();
        assertThat(summary.users()).isEqualTo((int) withPairs);
        assertThat(summary.personas()).isEqualTo((int) withPairs);
        assertThat(summary.failedUsers()).isZero();
        assertThat(summary.cost().calls()).as("one local step per persona").isEqualTo((int) withPairs);
        assertThat(summary.prototypes()).isEqualTo(reference.prototypes().prototypes().size());
        List<Prototype> expected = reference.prototypes().prototypes();
        List<Prototype> actual = built.prototypes().prototypes();
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i).members()).isEqualTo(expected.get(i).members());
            assertThat(actual.get(i).centroid()).containsExactly(expected.get(i).centroid());
        }
        assertThat(built.rewardModel().weights()).containsExactly(reference.rewardModel().weights());
    }

    @Test
    void aLargePopulationIsFittedByMiniBatchKMeansAndEveryUserPlacedByBatch() {
        int clusters = 5;
        int users = PopulationBuild.EXACT_UP_TO + 1_000;
        Map<String, UserHistory> histories = new LinkedHashMap<>();
        for (int u = 0; u < users; u++) {
            String id = String.format("u%05d", u);
            histories.put(id, new UserHistory(id, List.of(new PreferencePair(List.of(new Message("user", "q")), "a",
                    "b")), UserProfile.EMPTY));
        }
        InMemoryPopulationBuildStore store = new InMemoryPopulationBuildStore("run", histories);
        LocalJudge judge = new LocalJudge(EMBEDDER);
        PopulationBuild build = new PopulationBuild(steps(judge), judge, store, pool);
        long buildId = store.open("run", clusters, null);
        PopulationPlan plan = PopulationBuild.plan(buildId, users);
        // Each user's embedding points at one of five directions (the user's number mod 5), with noise.
        SplittableRandom random = new SplittableRandom(9);
        double[][] directions = new double[clusters][16];
        for (double[] d : directions) {
            for (int i = 0; i < d.length; i++) {
                d[i] = random.nextGaussian();
            }
        }
        for (int batch = 0; batch < plan.batches(); batch++) {
            List<UserHistory> page = store.histories(buildId, batch * plan.batchSize(), plan.batchSize());
            Map<String, double[]> embeddings = new HashMap<>();
            for (UserHistory user : page) {
                double[] v = directions[Integer.parseInt(user.userId().substring(1)) % clusters].clone();
                for (int i = 0; i < v.length; i++) {
                    v[i] += 0.2 * random.nextGaussian();
                }
                embeddings.put(user.userId(), v);
            }
            store.putBatch(buildId, batch, page, List.of(), embeddings, Map.of(), CallCost.NONE);
        }

        FittedPrototypes fitted = build.fitPrototypes(buildId);
        for (int batch = 0; batch < plan.batches(); batch++) {
            build.assignPrototypes(buildId, batch);
        }
        PopulationSummary summary = build.publish(buildId);

        assertThat(plan.batches()).isEqualTo((users + PopulationBuild.BATCH_SIZE - 1) / PopulationBuild.BATCH_SIZE);
        assertThat(fitted.exact()).isFalse();
        assertThat(fitted.users()).isEqualTo(users);
        assertThat(summary.prototypes()).isEqualTo(clusters);
        // Every user is placed, with the users of their direction and no one else.
        List<Prototype> prototypes = store.published().prototypes().prototypes();
        assertThat(prototypes.stream().mapToInt(p -> p.members().size()).sum()).isEqualTo(users);
        for (Prototype prototype : prototypes) {
            assertThat(prototype.members().stream().map(id -> Integer.parseInt(id.substring(1)) % clusters).distinct())
                    .hasSize(1);
        }
    }

    @Test
    void aBuildThatWasNeverStartedIsRefusedNamingBuildIdAndPublishesNothing() {
        Map<String, UserHistory> histories = Map.of("u1", new UserHistory("u1", List.of(new PreferencePair(
                List.of(new Message("user", "q")), "a", "b")), UserProfile.EMPTY));
        InMemoryPopulationBuildStore store = new InMemoryPopulationBuildStore("run", histories);
        LocalJudge judge = new LocalJudge(EMBEDDER);
        PopulationBuild build = new PopulationBuild(steps(judge), judge, store, pool);
        long started = build.start("run", 1).buildId();
        Population before = store.published();

        for (ThrowingCallable step : List.<ThrowingCallable>of(() -> build.inducePersonas(started + 1, 0),
                () -> build.fitPrototypes(started + 1), () -> build.assignPrototypes(started + 1, 0),
                () -> build.publish(started + 1))) {
            assertThatThrownBy(step).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.field()).isEqualTo("buildId"));
        }
        assertThat(store.published()).isSameAs(before);
    }

    @Test
    void batchesCoverTheUsersInAtMostAThousandSteps() {
        assertThat(PopulationBuild.plan(1, 0)).extracting(PopulationPlan::batches, PopulationPlan::lastBatch)
                .containsExactly(0, -1);
        assertThat(PopulationBuild.plan(1, 100_000)).extracting(PopulationPlan::batchSize, PopulationPlan::batches)
                .containsExactly(250, 400);
        PopulationPlan huge = PopulationBuild.plan(1, 1_000_001);
        assertThat(huge.batches()).isLessThanOrEqualTo(PopulationBuild.MAX_BATCHES);
        assertThat((long) huge.batches() * huge.batchSize()).isGreaterThanOrEqualTo(1_000_001);
    }
}
