package io.pgenrm.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgenrm.api.FittedPrototypes;
import io.pgenrm.api.PopulationPlan;
import io.pgenrm.api.PopulationSummary;
import io.pgenrm.domain.CallCost;
import io.pgenrm.domain.Message;
import io.pgenrm.domain.PreferencePair;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.prototype.Prototype;
import io.pgenrm.testing.EmbeddedPostgresTestResource;
import io.pgenrm.workflow.EvaluationSteps;
import io.pgenrm.workflow.HistoryStore;
import io.pgenrm.workflow.Population;
import io.pgenrm.workflow.PopulationBuild;
import io.pgenrm.workflow.PopulationBuildStore;
import io.pgenrm.workflow.PopulationStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The population build's mini-batch path on a real PostgreSQL: more users than the exact fit takes, their embeddings
 * stored batch by batch, centroids fitted, users placed batch by batch, and the build published as the served
 * population (what build-population.asl.json does, minus the personas, which cost a judge call each).
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class PopulationBuildStoreTest {
    private static final int CLUSTERS = 4;

    @Inject
    HistoryStore history;

    @Inject
    PopulationBuildStore builds;

    @Inject
    PopulationStore populations;

    @Inject
    EvaluationSteps steps;

    @Test
    void aPopulationAboveTheExactFitIsClusteredByBatchAndPublishedAsAWhole() {
        int users = PopulationBuild.EXACT_UP_TO + 100;
        PreferencePair pair = new PreferencePair(List.of(new Message("user", "q")), "short", "a longer answer");
        for (int u = 0; u < users; u++) {
            String id = String.format("u%05d", u);
            history.add("scale", "row-" + u, u, id, pair);
        }
        long served = populations.version();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            PopulationBuild build = new PopulationBuild(steps, null, builds, pool);
            long buildId = builds.open("scale", CLUSTERS, null);
            PopulationPlan plan = PopulationBuild.plan(buildId, users);
            assertThat(builds.users(buildId)).isEqualTo(users);
            assertThat(builds.exists(buildId)).isTrue();
            assertThat(builds.exists(buildId + 1)).isFalse();
            // Each user's embedding points at one of four directions (the user's number mod 4), with noise.
            SplittableRandom random = new SplittableRandom(3);
            double[][] directions = new double[CLUSTERS][8];
            for (double[] d : directions) {
                for (int i = 0; i < d.length; i++) {
                    d[i] = random.nextGaussian();
                }
            }
            for (int batch = 0; batch < plan.batches(); batch++) {
                List<UserHistory> page = builds.histories(buildId, batch * plan.batchSize(), plan.batchSize());
                Map<String, double[]> embeddings = new HashMap<>();
                for (UserHistory user : page) {
                    double[] v = directions[Integer.parseInt(user.userId().substring(1)) % CLUSTERS].clone();
                    for (int i = 0; i < v.length; i++) {
                        v[i] += 0.2 * random.nextGaussian();
                    }
                    embeddings.put(user.userId(), v);
                }
                builds.putBatch(buildId, batch, page, List.of(), embeddings, Map.of(), new CallCost(1, 0, 0, 0, 0));
            }
            assertThat(populations.version()).as("nothing is served before the build is published").isEqualTo(served);

            FittedPrototypes fitted = build.fitPrototypes(buildId);
            for (int batch = 0; batch < plan.batches(); batch++) {
                build.assignPrototypes(buildId, batch);
            }
            PopulationSummary summary = build.publish(buildId);

            assertThat(fitted.exact()).isFalse();
            assertThat(summary).extracting(PopulationSummary::users, PopulationSummary::pairs,
                    PopulationSummary::personas, PopulationSummary::prototypes, PopulationSummary::failedUsers)
                    .containsExactly(users, users, users, CLUSTERS, 0);
            assertThat(summary.cost().calls()).isEqualTo(plan.batches());
            assertThat(populations.version()).isGreaterThan(served);
            Population population = populations.load();
            List<Prototype> prototypes = population.prototypes().prototypes();
            assertThat(prototypes).hasSize(CLUSTERS);
            assertThat(prototypes.stream().mapToInt(p -> p.members().size()).sum()).isEqualTo(users);
            for (Prototype prototype : prototypes) {
                assertThat(prototype.members().stream().map(id -> Integer.parseInt(id.substring(1)) % CLUSTERS)
                        .distinct()).hasSize(1);
            }
            assertThat(population.find("u00042")).hasValueSatisfying(h -> assertThat(h.pairs()).containsExactly(pair));
        } finally {
            pool.shutdownNow();
        }
    }
}
