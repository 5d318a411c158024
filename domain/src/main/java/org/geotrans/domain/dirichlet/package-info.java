/**
 * Dirichlet distributions on the probability simplex and their maximum-likelihood fit, the
 * statistical core of the paper's normality score.
 *
 * <p>{@link org.geotrans.domain.dirichlet.DirichletEstimator} reproduces the reference code of
 * Golan and El-Yaniv (Wicker et al.'s start, Minka's fixed-point iteration with a 5-step Newton
 * inverse digamma, clipping at 1e-12) so that fits agree with the golden vectors to about 1e-6
 * relative; it departs from the reference only where the reference would return Infinity or NaN.
 * {@link org.geotrans.domain.dirichlet.SpecialFunctions} supplies log-gamma, digamma, trigamma and
 * the inverse digamma without any library. Everything here is immutable and free of dependencies.
 */
package org.geotrans.domain.dirichlet;
