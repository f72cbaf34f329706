package io.pgenrm.local;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;

/**
 * Bradley-Terry on feature differences: P(chosen beats rejected) = sigmoid(offset + w . x), fitted by Newton's
 * method on primitive arrays (hundreds of dimensions) with an L2 penalty {@code sum lambda_i/2 (w_i - prior_i)^2}. The
 * penalty is what keeps a user with three past choices near the prior and lets a user with many move away from it.
 */
public final class LogisticFit {
    private static final int MAX_ITERATIONS = 30;
    private static final double TOLERANCE = 1e-7;

    private LogisticFit() {
    }

    /**
     * @param rows    one row per pair: chosen-minus-rejected features
     * @param offsets a fixed part of each pair's margin (features fitted elsewhere), or null
     */
    public static double[] fit(List<double[]> rows, double[] offsets, double[] prior, double lambda) {
        double[] lambdas = new double[prior.length];
        Arrays.fill(lambdas, lambda);
        return fit(rows, offsets, prior, lambdas);
    }

    /** As {@link #fit(List, double[], double[], double)} with a penalty per dimension. */
    public static double[] fit(List<double[]> rows, double[] offsets, double[] prior, double[] lambdas) {
        int d = prior.length;
        double[] w = prior.clone();
        if (rows.isEmpty()) {
            return w;
        }
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[d];
            double[][] hessian = new double[d][d];
            for (int i = 0; i < d; i++) {
                gradient[i] = lambdas[i] * (w[i] - prior[i]);
                hessian[i][i] = lambdas[i];
            }
            for (int r = 0; r < rows.size(); r++) {
                double[] x = rows.get(r);
                double z = offsets == null ? 0 : offsets[r];
                for (int i = 0; i < d; i++) {
                    z += w[i] * x[i];
                }
                double p = sigmoid(z);
                double curvature = p * (1 - p);
                for (int i = 0; i < d; i++) {
                    if (x[i] == 0) {
                        continue;
                    }
                    gradient[i] -= (1 - p) * x[i];
                    double xi = curvature * x[i];
                    double[] row = hessian[i];
                    for (int j = i; j < d; j++) {
                        row[j] += xi * x[j];
                    }
                }
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < i; j++) {
                    hessian[i][j] = hessian[j][i];
                }
            }
            double[] step = new CholeskyDecomposition(new Array2DRowRealMatrix(hessian, false)).getSolver()
                    .solve(new ArrayRealVector(gradient, false)).toArray();
            double norm = 0;
            for (int i = 0; i < d; i++) {
                w[i] -= step[i];
                norm += step[i] * step[i];
            }
            if (Math.sqrt(norm) < TOLERANCE) {
                break;
            }
        }
        return w;
    }

    public static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }
}
