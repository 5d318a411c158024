package org.geotrans.domain.dirichlet;

import java.util.Arrays;

/**
 * An immutable Dirichlet distribution on the (k - 1)-simplex with concentration parameters
 * alpha_1..alpha_k &gt; 0.
 *
 * <p>The paper scores an image with {@link #simplifiedScore(double[])}: the log-density without
 * its normalising constant, which does not depend on the point and so does not change a ranking
 * of images under one transformation.
 */
public final class Dirichlet {
    private final double[] alpha;
    private final double logNormaliser;

    /**
     * @param alpha at least 2 positive finite concentration parameters; copied
     * @throws IllegalArgumentException if there are fewer than 2 or one is not positive and finite
     */
    public Dirichlet(double[] alpha) {
        if (alpha.length < 2) {
            throw new IllegalArgumentException("a Dirichlet needs at least 2 concentration parameters, got " + alpha.length);
        }
        for (int j = 0; j < alpha.length; j++) {
            if (!(alpha[j] > 0) || !Double.isFinite(alpha[j])) {
                throw new IllegalArgumentException(
                        "Dirichlet alpha[" + j + "] must be positive and finite, got " + alpha[j]);
            }
        }
        this.alpha = alpha.clone();
        double sum = 0.0;
        double logGammas = 0.0;
        for (double a : this.alpha) {
            sum += a;
            logGammas += SpecialFunctions.logGamma(a);
        }
        this.logNormaliser = SpecialFunctions.logGamma(sum) - logGammas;
    }

    /** Number of categories k. */
    public int dimension() {
        return alpha.length;
    }

    /** A copy of the concentration parameters. */
    public double[] alpha() {
        return alpha.clone();
    }

    /** The concentration parameter of category {@code j}. */
    public double alpha(int j) {
        return alpha[j];
    }

    /** The precision alpha_0 = sum_j alpha_j. */
    public double precision() {
        double sum = 0.0;
        for (double a : alpha) {
            sum += a;
        }
        return sum;
    }

    /** The mean alpha_j / alpha_0. */
    public double[] mean() {
        double precision = precision();
        double[] mean = new double[alpha.length];
        for (int j = 0; j < alpha.length; j++) {
            mean[j] = alpha[j] / precision;
        }
        return mean;
    }

    /**
     * The paper's normality score of one point: sum_j (alpha_j - 1) log p_j. Points are not
     * clipped here; a zero coordinate gives an infinite score (see {@link SimplexClipping}).
     *
     * @param p a point with {@link #dimension()} non-negative coordinates (its sum is not checked,
     *          so that already-clipped outputs pass unchanged)
     * @throws IllegalArgumentException if the length differs or a coordinate is negative or NaN
     */
    public double simplifiedScore(double[] p) {
        checkPoint(p);
        double score = 0.0;
        for (int j = 0; j < alpha.length; j++) {
            score += (alpha[j] - 1.0) * Math.log(p[j]);
        }
        return score;
    }

    /**
     * The log-density log Gamma(alpha_0) - sum_j log Gamma(alpha_j) + sum_j (alpha_j - 1) log p_j
     * (with respect to the Lebesgue measure on the first k - 1 coordinates).
     *
     * @throws IllegalArgumentException as {@link #simplifiedScore(double[])}
     */
    public double logDensity(double[] p) {
        return logNormaliser + simplifiedScore(p);
    }

    /**
     * The mean log-likelihood of already-computed sufficient statistics: logNormaliser + sum_j
     * (alpha_j - 1) meanLog_j, where meanLog_j is the average of log p_j over the observations.
     */
    public double meanLogLikelihood(double[] meanLog) {
        if (meanLog.length != alpha.length) {
            throw new IllegalArgumentException("mean log has " + meanLog.length + " entries, Dirichlet has dimension " + alpha.length);
        }
        double sum = logNormaliser;
        for (int j = 0; j < alpha.length; j++) {
            sum += (alpha[j] - 1.0) * meanLog[j];
        }
        return sum;
    }

    private void checkPoint(double[] p) {
        if (p.length != alpha.length) {
            throw new IllegalArgumentException("point has " + p.length + " coordinates, Dirichlet has dimension " + alpha.length);
        }
        for (int j = 0; j < p.length; j++) {
            if (!(p[j] >= 0)) {
                throw new IllegalArgumentException("point coordinate " + j + " must be non-negative, got " + p[j]);
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Dirichlet that && Arrays.equals(alpha, that.alpha);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(alpha);
    }

    @Override
    public String toString() {
        return "Dirichlet" + Arrays.toString(alpha);
    }
}
