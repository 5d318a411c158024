package org.geotrans.domain.dirichlet;

/**
 * Settings of the maximum-likelihood Dirichlet fit. The defaults are those of the paper's
 * reference code (and of the golden vectors), plus a precision cap the reference lacks.
 *
 * @param clipping how observations are moved into the open simplex before their logs are taken
 * @param tolerance the fit stops when the Euclidean (L2) change of alpha in one fixed-point step is
 *                  below this; positive
 * @param maxIterations the most fixed-point steps taken, at least 1
 * @param maxPrecision the largest precision alpha_0 = sum_j alpha_j a fit may reach, positive and
 *                     finite. Observations that barely vary (a transformation whose softmax is the
 *                     same for every image) have an infinite maximum-likelihood precision; the
 *                     reference code then returns Infinity or NaN, we return the fit scaled to this
 *                     cap and say so in {@link DirichletFit#precisionCapped()}
 */
public record DirichletFitOptions(SimplexClipping clipping, double tolerance, int maxIterations, double maxPrecision) {

    public static final double DEFAULT_TOLERANCE = 1e-9;
    public static final int DEFAULT_MAX_ITERATIONS = 1000;
    /** Far above what a classifier's softmax outputs over real images need (tens to thousands). */
    public static final double DEFAULT_MAX_PRECISION = 1e6;

    public DirichletFitOptions {
        if (clipping == null) {
            throw new IllegalArgumentException("clipping must be given, got null");
        }
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("fit tolerance must be positive and finite, got " + tolerance);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("fit needs at least 1 iteration, got maxIterations = " + maxIterations);
        }
        if (!(maxPrecision > 0) || !Double.isFinite(maxPrecision)) {
            throw new IllegalArgumentException("maximum precision must be positive and finite, got " + maxPrecision);
        }
    }

    /** Epsilon 1e-12, tolerance 1e-9, 1000 iterations, precision capped at 1e6. */
    public static DirichletFitOptions defaults() {
        return new DirichletFitOptions(SimplexClipping.defaults(), DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS,
                DEFAULT_MAX_PRECISION);
    }

    /** These options with another clipping epsilon. */
    public DirichletFitOptions withClipEpsilon(double epsilon) {
        return new DirichletFitOptions(new SimplexClipping(epsilon, clipping.sumTolerance()), tolerance, maxIterations,
                maxPrecision);
    }

    /** These options with another iteration limit. */
    public DirichletFitOptions withMaxIterations(int iterations) {
        return new DirichletFitOptions(clipping, tolerance, iterations, maxPrecision);
    }

    /** These options with another precision cap. */
    public DirichletFitOptions withMaxPrecision(double precision) {
        return new DirichletFitOptions(clipping, tolerance, maxIterations, precision);
    }
}
