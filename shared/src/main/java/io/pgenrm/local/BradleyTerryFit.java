package io.pgenrm.local;

import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Bradley-Terry preference model P(chosen beats rejected) = sigmoid(w . (f(chosen) - f(rejected))), fitted by
 * Newton's method with an L2 penalty pulling w toward a prior (zero, or the user's prototype). The penalty keeps
 * users with few pairs close to the prior, which is what makes short histories usable.
 */
public final class BradleyTerryFit {
    private static final int MAX_ITERATIONS = 25;
    private static final double TOLERANCE = 1e-6;

    private BradleyTerryFit() {
    }

    /** @param differences one row per pair: features of the chosen minus features of the rejected response. */
    public static double[] fit(List<double[]> differences, double[] prior, double lambda) {
        int d = prior.length;
        RealVector w = new ArrayRealVector(prior);
        if (differences.isEmpty()) {
            return w.toArray();
        }
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            RealVector gradient = w.subtract(new ArrayRealVector(prior)).mapMultiply(lambda);
            RealMatrix hessian = new Array2DRowRealMatrix(d, d);
            for (int i = 0; i < d; i++) {
                hessian.setEntry(i, i, lambda);
            }
            for (double[] row : differences) {
                RealVector x = new ArrayRealVector(row, false);
                double p = sigmoid(w.dotProduct(x));
                gradient = gradient.subtract(x.mapMultiply(1.0 - p));
                hessian = hessian.add(x.outerProduct(x).scalarMultiply(p * (1.0 - p)));
            }
            RealVector step = new CholeskyDecomposition(hessian).getSolver().solve(gradient);
            w = w.subtract(step);
            if (step.getNorm() < TOLERANCE) {
                break;
            }
        }
        return w.toArray();
    }

    static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }
}
