package org.geotrans.domain.dirichlet;

/**
 * Maximum-likelihood fit of a Dirichlet distribution to probability vectors, as the paper's
 * reference code does it.
 *
 * <ol>
 *   <li>Clip each observation to [epsilon, 1] and renormalise ({@link SimplexClipping}).</li>
 *   <li>Start from Wicker, Muller, Kalathur and Poch (2008): alpha = mean x s with the approximate
 *       precision s = (k - 1) gamma / sum_j m_j (log m_j - mean_i log p_ij), where m is the sample
 *       mean and gamma = -digamma(1) is the Euler-Mascheroni constant.</li>
 *   <li>Iterate Minka's fixed point alpha_j &lt;- digamma^-1(digamma(sum alpha) + mean_i log p_ij),
 *       with {@link SpecialFunctions#inverseDigamma(double)}, until the L2 change of alpha is below
 *       the tolerance or the iteration limit is reached.</li>
 * </ol>
 *
 * <p>Where the reference would return Infinity or NaN (observations that do not vary, so the
 * likelihood grows without bound in the precision), the precision is capped at
 * {@link DirichletFitOptions#maxPrecision()}: the degenerate start becomes mean x cap, and an
 * iterate that passes the cap is scaled down to it and returned.
 */
public final class DirichletEstimator {
    private final DirichletFitOptions options;

    public DirichletEstimator(DirichletFitOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("fit options must be given, got null");
        }
        this.options = options;
    }

    /** An estimator with {@link DirichletFitOptions#defaults()}. */
    public DirichletEstimator() {
        this(DirichletFitOptions.defaults());
    }

    public DirichletFitOptions options() {
        return options;
    }

    /**
     * Fits n x k observations (rows are probability vectors).
     *
     * @throws IllegalArgumentException if there are fewer than 2 observations, rows differ in
     *                                  length, or a row holds NaN, infinite or negative values or
     *                                  does not sum to 1; the message names the row
     */
    public DirichletFit fit(double[][] observations) {
        return fit(DirichletStatistics.of(observations, options.clipping()));
    }

    /**
     * Fits the rows of a row-major {@code rows} x {@code k} float matrix, such as the softmax
     * outputs of n images under one transformation, without copying it.
     *
     * @throws IllegalArgumentException as {@link #fit(double[][])}, or if the sizes disagree
     */
    public DirichletFit fit(float[] rowMajor, int rows, int k) {
        return fit(DirichletStatistics.of(rowMajor, rows, k, options.clipping()));
    }

    /** Fits from sufficient statistics of already-clipped observations. */
    public DirichletFit fit(DirichletStatistics statistics) {
        double[] mean = statistics.mean();
        double[] meanLog = statistics.meanLog();
        int k = mean.length;

        double cap = options.maxPrecision();
        double precision = wickerPrecision(mean, meanLog);
        if (!(precision > 0) || precision > cap) {
            // Zero (or, by rounding, negative) spread: the likelihood has no finite maximum.
            double[] capped = scaled(mean, cap);
            return new DirichletFit(new Dirichlet(capped), capped, 0, false, true);
        }
        double[] initial = scaled(mean, precision);

        double[] alphaOld = initial;
        double[] alphaNew = initial;
        for (int iteration = 1; iteration <= options.maxIterations(); iteration++) {
            double digammaOfSum = SpecialFunctions.digamma(sum(alphaOld));
            alphaNew = new double[k];
            double change = 0.0;
            for (int j = 0; j < k; j++) {
                alphaNew[j] = SpecialFunctions.inverseDigamma(digammaOfSum + meanLog[j]);
                double d = alphaNew[j] - alphaOld[j];
                change += d * d;
            }
            double newPrecision = sum(alphaNew);
            if (newPrecision > cap) {
                return new DirichletFit(new Dirichlet(scaled(alphaNew, cap / newPrecision)), initial, iteration,
                        false, true);
            }
            if (Math.sqrt(change) < options.tolerance()) {
                return new DirichletFit(new Dirichlet(alphaNew), initial, iteration, true, false);
            }
            alphaOld = alphaNew;
        }
        return new DirichletFit(new Dirichlet(alphaNew), initial, options.maxIterations(), false, false);
    }

    /**
     * Wicker et al.'s approximate precision (k - 1) gamma / sum_j m_j (log m_j - mean log p_j).
     * The reference writes the denominator as N sum m log m - sum_j m_j sum_i log p_ij; dividing
     * by N and grouping by j gives the same value with terms that are each >= 0 (Jensen), which
     * avoids subtracting two large sums.
     */
    static double wickerPrecision(double[] mean, double[] meanLog) {
        double spread = 0.0;
        for (int j = 0; j < mean.length; j++) {
            spread += mean[j] * (Math.log(mean[j]) - meanLog[j]);
        }
        return (mean.length - 1) * -SpecialFunctions.DIGAMMA_ONE / spread;
    }

    private static double[] scaled(double[] values, double factor) {
        double[] out = new double[values.length];
        for (int j = 0; j < values.length; j++) {
            out[j] = values[j] * factor;
        }
        return out;
    }

    private static double sum(double[] values) {
        double s = 0.0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
