package io.pgenrm.prototype;

import io.pgenrm.domain.Validation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Users' embeddings projected on their first two principal components (PCA), to draw the population as a 2-D map.
 * The components are found by power iteration on the centred data, never forming the covariance matrix, so 10,000
 * users of 768 dimensions cost a few hundred passes over the data instead of a 768 x 768 eigendecomposition. Each
 * axis is signed so its largest loading is positive: the same population is drawn the same way every time.
 *
 * @param points     each user's coordinates on the two components, in the order the embeddings were given
 * @param xExplained share of the total variance along the first component (0 when there is none)
 * @param yExplained the same for the second
 */
public record PrincipalPlane(Map<String, Point> points, double xExplained, double yExplained) {
    private static final int MAX_ITERATIONS = 500;
    private static final double CONVERGED = 1e-10;

    public record Point(double x, double y) {
    }

    public static PrincipalPlane of(Map<String, double[]> embeddings) {
        List<double[]> rows = List.copyOf(embeddings.values());
        int n = rows.size();
        int d = n == 0 ? 0 : rows.get(0).length;
        for (double[] row : rows) {
            Validation.require(row.length == d, "embeddings", "must all have " + d + " dimensions");
        }
        double[] mean = new double[d];
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        double[][] centred = new double[n][d];
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                centred[i][j] = rows.get(i)[j] - mean[j];
                total += centred[i][j] * centred[i][j];
            }
        }
        double[] first = component(centred, null);
        double[] second = component(centred, first);
        Map<String, Point> points = new LinkedHashMap<>();
        int i = 0;
        for (String user : embeddings.keySet()) {
            points.put(user, new Point(dot(centred[i], first), dot(centred[i], second)));
            i++;
        }
        return new PrincipalPlane(points, share(centred, first, total), share(centred, second, total));
    }

    /** The unit direction of greatest variance, orthogonal to {@code previous} when given; zero when none is left. */
    private static double[] component(double[][] x, double[] previous) {
        int d = x.length == 0 ? 0 : x[0].length;
        double[] v = new double[d];
        // A fixed, uneven start: it is never orthogonal to the leading direction of real data by accident.
        for (int j = 0; j < d; j++) {
            v[j] = 1.0 + (j % 7) * 0.1;
        }
        removeAlong(v, previous);
        if (!normalize(v)) {
            return new double[d];
        }
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] next = new double[d];
            for (double[] row : x) {
                double projection = dot(row, v);
                for (int j = 0; j < d; j++) {
                    next[j] += projection * row[j];
                }
            }
            removeAlong(next, previous);
            if (!normalize(next)) {
                return new double[d];
            }
            double change = 0;
            for (int j = 0; j < d; j++) {
                change += (next[j] - v[j]) * (next[j] - v[j]);
            }
            v = next;
            if (change < CONVERGED) {
                break;
            }
        }
        int largest = 0;
        for (int j = 1; j < d; j++) {
            if (Math.abs(v[j]) > Math.abs(v[largest])) {
                largest = j;
            }
        }
        if (d > 0 && v[largest] < 0) {
            for (int j = 0; j < d; j++) {
                v[j] = -v[j];
            }
        }
        return v;
    }

    private static void removeAlong(double[] v, double[] direction) {
        if (direction == null) {
            return;
        }
        double along = dot(v, direction);
        for (int j = 0; j < v.length; j++) {
            v[j] -= along * direction[j];
        }
    }

    private static boolean normalize(double[] v) {
        double norm = Math.sqrt(dot(v, v));
        if (norm < 1e-12) {
            return false;
        }
        for (int j = 0; j < v.length; j++) {
            v[j] /= norm;
        }
        return true;
    }

    private static double share(double[][] x, double[] direction, double total) {
        if (total <= 0) {
            return 0;
        }
        double along = 0;
        for (double[] row : x) {
            double p = dot(row, direction);
            along += p * p;
        }
        return along / total;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += a[j] * b[j];
        }
        return sum;
    }
}
