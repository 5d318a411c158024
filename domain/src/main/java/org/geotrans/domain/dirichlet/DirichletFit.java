package org.geotrans.domain.dirichlet;

/**
 * The outcome of a maximum-likelihood Dirichlet fit.
 *
 * @param dirichlet the fitted distribution
 * @param initialAlpha where the fixed-point iteration started (Wicker et al.'s estimate); a copy
 * @param iterations fixed-point steps taken, counting the step that met the tolerance (the count
 *                   the reference code's loop makes); 0 when the observations were degenerate
 * @param converged whether the L2 change of alpha fell below the tolerance within the limit
 * @param precisionCapped whether the precision hit {@link DirichletFitOptions#maxPrecision()} and
 *                        alpha was scaled down to it (nearly constant observations)
 */
public record DirichletFit(Dirichlet dirichlet, double[] initialAlpha, int iterations, boolean converged,
                           boolean precisionCapped) {

    public DirichletFit {
        if (dirichlet == null) {
            throw new IllegalArgumentException("fit needs a Dirichlet, got null");
        }
        if (initialAlpha.length != dirichlet.dimension()) {
            throw new IllegalArgumentException("initial alpha has " + initialAlpha.length
                    + " entries, fitted Dirichlet has dimension " + dirichlet.dimension());
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
        }
        initialAlpha = initialAlpha.clone();
    }

    /** A copy of the starting point. */
    @Override
    public double[] initialAlpha() {
        return initialAlpha.clone();
    }

    /** The fitted concentration parameters (a copy). */
    public double[] alpha() {
        return dirichlet.alpha();
    }
}
