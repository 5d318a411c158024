package org.geotrans.domain.dirichlet;

/**
 * The log-gamma, digamma and trigamma functions on the positive reals, and the inverse of the
 * digamma function, as needed to fit and evaluate Dirichlet distributions.
 *
 * <p>All three forward functions use the same scheme: the recurrence
 * {@code f(x) = f(x + 1) - ...} lifts small arguments above a threshold where the asymptotic
 * (Stirling / Bernoulli) series is accurate to double precision. The relative error is about
 * 1e-15 away from the zeros of the functions (log-gamma vanishes at 1 and 2, digamma near
 * 1.4616), where only the absolute error (about 1e-15) is meaningful.
 */
public final class SpecialFunctions {

    /** digamma(1) = -gamma, the negated Euler-Mascheroni constant. */
    public static final double DIGAMMA_ONE = -0.5772156649015329;

    /** Number of Newton steps {@link #inverseDigamma(double)} takes, as in Minka's note. */
    public static final int INVERSE_DIGAMMA_NEWTON_STEPS = 5;

    private static final double HALF_LOG_TWO_PI = 0.9189385332046728;
    // Below these the asymptotic series would need more terms than we keep, so we recur upwards.
    private static final double LOG_GAMMA_ASYMPTOTIC_FROM = 15.0;
    private static final double POLYGAMMA_ASYMPTOTIC_FROM = 10.0;
    // Where Minka switches the initial guess from exp(y) + 1/2 to -1 / (y + gamma).
    private static final double INVERSE_DIGAMMA_BRANCH = -2.22;

    private SpecialFunctions() {
    }

    /**
     * The natural logarithm of the gamma function.
     *
     * @param x a positive finite argument (or positive infinity, which gives positive infinity)
     * @throws IllegalArgumentException if {@code x} is not positive or is NaN
     */
    public static double logGamma(double x) {
        requirePositive("logGamma", x);
        if (x == 1.0 || x == 2.0) {
            return 0.0; // exact zeros that the recurrence would only reach up to rounding
        }
        if (x == Double.POSITIVE_INFINITY) {
            return x;
        }
        double logProduct = 0.0;
        double product = 1.0;
        while (x < LOG_GAMMA_ASYMPTOTIC_FROM) {
            product *= x;
            // Fold the product into the log before it can overflow or underflow.
            if (product > 1e280 || product < 1e-280) {
                logProduct += Math.log(product);
                product = 1.0;
            }
            x += 1.0;
        }
        logProduct += Math.log(product);
        double inv = 1.0 / x;
        double inv2 = inv * inv;
        double series = inv * (1.0 / 12 + inv2 * (-1.0 / 360 + inv2 * (1.0 / 1260 + inv2 * (-1.0 / 1680
                + inv2 * (1.0 / 1188 + inv2 * (-691.0 / 360360 + inv2 * (1.0 / 156)))))));
        return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + series - logProduct;
    }

    /**
     * The digamma function psi(x) = d/dx log Gamma(x).
     *
     * @param x a positive argument (positive infinity gives positive infinity)
     * @throws IllegalArgumentException if {@code x} is not positive or is NaN
     */
    public static double digamma(double x) {
        requirePositive("digamma", x);
        if (x == Double.POSITIVE_INFINITY) {
            return x;
        }
        double result = 0.0;
        while (x < POLYGAMMA_ASYMPTOTIC_FROM) {
            result -= 1.0 / x;
            x += 1.0;
        }
        double inv2 = 1.0 / (x * x);
        double series = inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240
                - inv2 * (1.0 / 132 - inv2 * (691.0 / 32760 - inv2 * (1.0 / 12)))))));
        return result + Math.log(x) - 0.5 / x - series;
    }

    /**
     * The trigamma function psi'(x), the derivative of {@link #digamma(double)}.
     *
     * @param x a positive argument (positive infinity gives 0)
     * @throws IllegalArgumentException if {@code x} is not positive or is NaN
     */
    public static double trigamma(double x) {
        requirePositive("trigamma", x);
        if (x == Double.POSITIVE_INFINITY) {
            return 0.0;
        }
        double result = 0.0;
        while (x < POLYGAMMA_ASYMPTOTIC_FROM) {
            result += 1.0 / (x * x);
            x += 1.0;
        }
        double inv = 1.0 / x;
        double inv2 = inv * inv;
        double series = inv * (1.0 + inv * (0.5 + inv * (1.0 / 6 - inv2 * (1.0 / 30 - inv2 * (1.0 / 42
                - inv2 * (1.0 / 30 - inv2 * (5.0 / 66 - inv2 * (691.0 / 2730 - inv2 * (7.0 / 6)))))))));
        return result + series;
    }

    /**
     * The inverse of the digamma function: the positive x with digamma(x) = y, computed as in
     * Minka, "Estimating a Dirichlet distribution" (2000, appendix C): start from
     * {@code exp(y) + 1/2} when {@code y >= -2.22}, else from {@code -1 / (y - digamma(1))}, then
     * take {@value #INVERSE_DIGAMMA_NEWTON_STEPS} Newton steps, which reach full double precision
     * from that start. The reference code of the paper does the same, so fits agree with it.
     *
     * @param y any finite value (digamma maps the positive reals onto all reals)
     * @return x &gt; 0 with digamma(x) = y to about 1e-15 relative
     * @throws IllegalArgumentException if {@code y} is NaN or infinite
     */
    public static double inverseDigamma(double y) {
        if (!Double.isFinite(y)) {
            throw new IllegalArgumentException("inverseDigamma needs a finite argument, got " + y);
        }
        double x = y >= INVERSE_DIGAMMA_BRANCH ? Math.exp(y) + 0.5 : -1.0 / (y - DIGAMMA_ONE);
        if (x == Double.POSITIVE_INFINITY) {
            return x; // y above ~709: digamma(x) ~ log(x) there, and x does not fit in a double
        }
        for (int step = 0; step < INVERSE_DIGAMMA_NEWTON_STEPS; step++) {
            double next = x - (digamma(x) - y) / trigamma(x);
            // Minka's start keeps Newton inside (0, inf); the guard only matters if rounding
            // ever pushed a step across zero, where the reference would return NaN.
            x = next > 0 ? next : x / 2;
        }
        return x;
    }

    private static void requirePositive(String function, double x) {
        if (!(x > 0)) {
            throw new IllegalArgumentException(function + " needs a positive argument, got " + x);
        }
    }
}
