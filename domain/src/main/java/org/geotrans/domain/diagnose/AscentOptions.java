package org.geotrans.domain.diagnose;

/**
 * The settings of {@link NormalityAscent}, by default those of the paper's reference code for its
 * Figure 1 ({@code intuition_experiments.py}).
 *
 * @param steps gradient steps, 1..100000
 * @param stepScale the gradient is multiplied by this before it is added (the reference's eta, 5)
 * @param keepFraction share of pixels whose |gradient x pixel| is largest that move in a step,
 *        in (0, 1] (the reference keeps those at or above the 80th percentile: 0.2)
 * @param blurSigma Gaussian blur of the image after each step, in pixels; 0 for none (0.28)
 */
public record AscentOptions(int steps, double stepScale, double keepFraction, double blurSigma) {
    public static final AscentOptions REFERENCE = new AscentOptions(200, 5, 0.2, 0.28);
    public static final int MAX_STEPS = 100_000;

    public AscentOptions {
        if (steps < 1 || steps > MAX_STEPS) {
            throw new IllegalArgumentException("steps must be 1.." + MAX_STEPS + ", found " + steps);
        }
        if (!(stepScale > 0) || !Double.isFinite(stepScale)) {
            throw new IllegalArgumentException("the step scale must be positive and finite, found " + stepScale);
        }
        if (!(keepFraction > 0 && keepFraction <= 1)) {
            throw new IllegalArgumentException("the kept share of pixels must lie in (0, 1], found " + keepFraction);
        }
        if (!(blurSigma >= 0 && blurSigma <= 10)) {
            throw new IllegalArgumentException("the blur's sigma must lie in [0, 10] pixels, found " + blurSigma);
        }
    }
}
