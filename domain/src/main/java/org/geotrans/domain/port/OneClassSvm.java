package org.geotrans.domain.port;

/**
 * The raw-pixel One-Class SVM baseline with an RBF kernel, K(x, y) = exp(-gamma |x - y|^2).
 * One call trains on the rows of {@code train} for every (nu, gamma) pair, so an implementation
 * can share the pairwise distances between the pairs.
 */
public interface OneClassSvm {

    /**
     * Decision values of the test rows, higher = more normal: {@code result[g][n][i]} for
     * {@code gammas[g]}, {@code nus[n]} and test row i.
     *
     * @throws IllegalArgumentException for empty data, rows of different lengths, nu outside
     *     (0, 1] or gamma not positive
     */
    double[][][] decisionValues(float[][] train, float[][] test, double[] nus, double[] gammas, ProgressListener progress);
}
