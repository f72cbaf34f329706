package io.pgenrm.prototype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MiniBatchKMeansTest {
    private static final int DIMENSIONS = 32;

    /** {@code perCluster} noisy unit vectors around each of {@code clusters} random directions; row i is of cluster i % clusters. */
    private static float[][] planted(int clusters, int perCluster, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] centres = new float[clusters][DIMENSIONS];
        for (float[] centre : centres) {
            for (int d = 0; d < DIMENSIONS; d++) {
                centre[d] = (float) random.nextGaussian();
            }
            MiniBatchKMeans.normalize(centre);
        }
        float[][] points = new float[clusters * perCluster][DIMENSIONS];
        for (int i = 0; i < points.length; i++) {
            for (int d = 0; d < DIMENSIONS; d++) {
                points[i][d] = centres[i % clusters][d] + (float) (0.15 * random.nextGaussian());
            }
            MiniBatchKMeans.normalize(points[i]);
        }
        return points;
    }

    @Test
    void recoversPlantedClustersWithUnitCentroids() {
        int clusters = 6;
        float[][] points = planted(clusters, 2_000, 3);

        MiniBatchKMeans.Fit fit = MiniBatchKMeans.fit(points, clusters, 7);

        assertThat(fit.centroids()).hasNumberOfRows(clusters);
        for (float[] centroid : fit.centroids()) {
            double norm = 0;
            for (float x : centroid) {
                norm += x * x;
            }
            assertThat(Math.sqrt(norm)).isCloseTo(1.0, within(1e-5));
        }
        // Each planted cluster lands in one centroid, and no two share one.
        Map<Integer, Set<Integer>> centroidsOfCluster = new HashMap<>();
        for (int i = 0; i < points.length; i++) {
            centroidsOfCluster.computeIfAbsent(i % clusters, c -> new HashSet<>())
                    .add(MiniBatchKMeans.nearest(fit.centroids(), points[i]));
        }
        assertThat(centroidsOfCluster.values()).allSatisfy(found -> assertThat(found).hasSize(1));
        assertThat(centroidsOfCluster.values().stream().flatMap(Set::stream).distinct()).hasSize(clusters);
    }

    @Test
    void theSameSeedGivesTheSameCentroidsAndTheInputIsLeftAsItWas() {
        float[][] points = planted(4, 600, 11);
        float[] before = points[17].clone();

        MiniBatchKMeans.Fit first = MiniBatchKMeans.fit(points, 5, 42);
        MiniBatchKMeans.Fit second = MiniBatchKMeans.fit(points, 5, 42);

        assertThat(first.centroids()).isDeepEqualTo(second.centroids());
        assertThat(points[17]).containsExactly(before);
        assertThat(first.steps()).isGreaterThanOrEqualTo(MiniBatchKMeans.MIN_STEPS);
    }

    @Test
    void neverMoreCentroidsThanPoints() {
        float[][] points = planted(2, 2, 5);

        assertThat(MiniBatchKMeans.fit(points, 10, 1).centroids()).hasNumberOfRows(4);
        assertThat(MiniBatchKMeans.fit(new float[0][], 3, 1).centroids()).isEmpty();
    }
}
