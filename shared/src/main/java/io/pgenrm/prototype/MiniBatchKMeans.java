package io.pgenrm.prototype;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Mini-batch k-means (Sculley, "Web-scale k-means clustering", 2010) for populations too large for Lloyd's
 * iterations over every user: centroids start from k-means++ on a seeded sample, then each step assigns a random
 * mini-batch to its nearest centroids and moves each centroid toward its points with a step of 1 / (points it has
 * seen). Points are unit vectors held as {@code float[]} (half the memory of {@code double[]}: 154 MB for 100,000
 * users of 384 dimensions), so squared Euclidean distance orders them as cosine similarity does.
 *
 * <p>Deterministic for a seed: the assignments of a mini-batch are computed in parallel, the updates applied in
 * order.
 */
public final class MiniBatchKMeans {
    /** Points per mini-batch. */
    public static final int BATCH_SIZE = 1024;
    /** Passes over the data the mini-batches make together, at least {@link #MIN_STEPS} steps. */
    static final int EPOCHS = 3;
    static final int MIN_STEPS = 100;
    /** k-means++ starts from at most this many points (and at least ten per centroid). */
    static final int SEEDING_SAMPLE = 4096;

    private MiniBatchKMeans() {
    }

    /** The fitted centroids (unit length, one row per cluster) and the steps taken. */
    public record Fit(float[][] centroids, int steps) {
    }

    /**
     * @param points unit vectors, one row each (not modified)
     * @param k      clusters; at most the number of points
     */
    public static Fit fit(float[][] points, int k, long seed) {
        int n = points.length;
        if (n == 0 || k <= 0) {
            return new Fit(new float[0][], 0);
        }
        int clusters = Math.min(k, n);
        SplittableRandom random = new SplittableRandom(seed);
        float[][] centroids = seed(points, clusters, random);
        long[] seen = new long[clusters];
        int batch = Math.min(BATCH_SIZE, n);
        int steps = Math.max(MIN_STEPS, (int) Math.min(Integer.MAX_VALUE, (long) EPOCHS * n / batch));
        int[] chosen = new int[batch];
        int[] nearest = new int[batch];
        for (int step = 0; step < steps; step++) {
            for (int i = 0; i < batch; i++) {
                chosen[i] = random.nextInt(n);
            }
            float[][] frozen = centroids;
            IntStream.range(0, batch).parallel().forEach(i -> nearest[i] = nearest(frozen, points[chosen[i]]));
            for (int i = 0; i < batch; i++) {
                int c = nearest[i];
                seen[c]++;
                float rate = (float) (1.0 / seen[c]);
                float[] centroid = centroids[c];
                float[] point = points[chosen[i]];
                for (int d = 0; d < centroid.length; d++) {
                    centroid[d] += rate * (point[d] - centroid[d]);
                }
            }
        }
        for (float[] centroid : centroids) {
            normalize(centroid);
        }
        return new Fit(centroids, steps);
    }

    /** The index of the centroid nearest to {@code point} (the lowest index on a tie). */
    public static int nearest(float[][] centroids, float[] point) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centroids.length; c++) {
            double distance = squaredDistance(centroids[c], point);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = c;
            }
        }
        return best;
    }

    /** k-means++ on a sample: each next centroid drawn with probability proportional to its squared distance. */
    private static float[][] seed(float[][] points, int k, SplittableRandom random) {
        int n = points.length;
        int size = Math.min(n, Math.max(SEEDING_SAMPLE, 10 * k));
        float[][] sample = new float[size][];
        if (size == n) {
            sample = points.clone();
        } else {
            for (int i = 0; i < size; i++) {
                sample[i] = points[random.nextInt(n)];
            }
        }
        float[][] centroids = new float[k][];
        centroids[0] = sample[random.nextInt(size)].clone();
        double[] distance = new double[size];
        Arrays.fill(distance, Double.POSITIVE_INFINITY);
        for (int c = 1; c < k; c++) {
            float[] last = centroids[c - 1];
            float[][] candidates = sample;
            IntStream.range(0, size).parallel()
                    .forEach(i -> distance[i] = Math.min(distance[i], squaredDistance(last, candidates[i])));
            double total = Arrays.stream(distance).sum();
            int pick = size - 1;
            if (total > 0) {
                double target = random.nextDouble() * total;
                for (int i = 0; i < size; i++) {
                    target -= distance[i];
                    if (target < 0) {
                        pick = i;
                        break;
                    }
                }
            } else {
                pick = random.nextInt(size);
            }
            centroids[c] = sample[pick].clone();
        }
        return centroids;
    }

    static double squaredDistance(float[] a, float[] b) {
        double sum = 0;
        for (int d = 0; d < a.length; d++) {
            double diff = a[d] - b[d];
            sum += diff * diff;
        }
        return sum;
    }

    /** Scales {@code v} to unit length in place (a zero vector stays zero). */
    public static void normalize(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            return;
        }
        for (int d = 0; d < v.length; d++) {
            v[d] = (float) (v[d] / norm);
        }
    }
}
