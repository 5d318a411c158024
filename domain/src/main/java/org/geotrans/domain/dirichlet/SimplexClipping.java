package org.geotrans.domain.dirichlet;

/**
 * Moves probability vectors (softmax outputs) into the open simplex so that their logarithms are
 * finite: each coordinate is clipped to [epsilon, 1], then the vector is divided by its sum. This
 * is what the golden vectors were computed with; a float softmax often holds exact zeros, whose
 * log would make every Dirichlet fit and score infinite.
 *
 * <p>The input is validated first, because a NaN or a vector that is not a distribution would
 * otherwise come out as a plausible-looking score: coordinates must be finite and non-negative and
 * sum to 1 within {@code sumTolerance}.
 *
 * @param epsilon the smallest probability kept, in (0, 1); the paper's setting is 1e-12
 * @param sumTolerance how far from 1 a vector's sum may be, in [0, 1); float32 softmax outputs over
 *                     72 classes are off by about 1e-6
 */
public record SimplexClipping(double epsilon, double sumTolerance) {

    /** Clipping used by the golden vectors: probabilities below 1e-12 are raised to 1e-12. */
    public static final double DEFAULT_EPSILON = 1e-12;
    /** Lenient enough for float32 softmax rounding, strict enough to catch logits or raw scores. */
    public static final double DEFAULT_SUM_TOLERANCE = 1e-3;

    public SimplexClipping {
        if (!(epsilon > 0 && epsilon < 1)) {
            throw new IllegalArgumentException("clipping epsilon must lie in (0, 1), got " + epsilon);
        }
        if (!(sumTolerance >= 0 && sumTolerance < 1)) {
            throw new IllegalArgumentException("sum tolerance must lie in [0, 1), got " + sumTolerance);
        }
    }

    /** Clipping at {@code epsilon} with the default sum tolerance. */
    public static SimplexClipping at(double epsilon) {
        return new SimplexClipping(epsilon, DEFAULT_SUM_TOLERANCE);
    }

    /** The golden vectors' clipping: epsilon 1e-12, default sum tolerance. */
    public static SimplexClipping defaults() {
        return at(DEFAULT_EPSILON);
    }

    /**
     * A clipped, renormalised copy of {@code p}.
     *
     * @param what names the vector in error messages, e.g. "observation 17"
     * @throws IllegalArgumentException if a coordinate is NaN, infinite or negative, or the sum is
     *                                  not 1 within the tolerance
     */
    public double[] clip(double[] p, String what) {
        double[] out = new double[p.length];
        double sum = 0.0;
        double clippedSum = 0.0;
        for (int c = 0; c < p.length; c++) {
            double v = p[c];
            checkCoordinate(v, c, what);
            sum += v;
            out[c] = Math.min(Math.max(v, epsilon), 1.0);
            clippedSum += out[c];
        }
        checkSum(sum, what);
        for (int c = 0; c < out.length; c++) {
            out[c] /= clippedSum;
        }
        return out;
    }

    /**
     * Clips {@code target.length} float values of {@code source} from {@code offset} into
     * {@code target}. Errors name the vector as {@code what + index} (e.g. "observation " and 17),
     * so that the hot loop over thousands of rows builds no message unless one is needed.
     *
     * @throws IllegalArgumentException as {@link #clip(double[], String)}
     */
    public void clipInto(float[] source, int offset, double[] target, String what, int index) {
        int k = target.length;
        double sum = 0.0;
        double clippedSum = 0.0;
        for (int c = 0; c < k; c++) {
            double v = source[offset + c];
            if (!(v >= 0) || v == Double.POSITIVE_INFINITY) {
                checkCoordinate(v, c, what + index);
            }
            sum += v;
            target[c] = Math.min(Math.max(v, epsilon), 1.0);
            clippedSum += target[c];
        }
        if (!(Math.abs(sum - 1.0) <= sumTolerance)) {
            checkSum(sum, what + index);
        }
        for (int c = 0; c < k; c++) {
            target[c] /= clippedSum;
        }
    }

    private static void checkCoordinate(double v, int c, String what) {
        if (!(v >= 0) || v == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(
                    what + " has coordinate " + c + " = " + v + ", expected a finite probability >= 0");
        }
    }

    private void checkSum(double sum, String what) {
        if (!(Math.abs(sum - 1.0) <= sumTolerance)) {
            throw new IllegalArgumentException(
                    what + " sums to " + sum + ", expected a probability vector summing to 1 (tolerance " + sumTolerance + ")");
        }
    }
}
