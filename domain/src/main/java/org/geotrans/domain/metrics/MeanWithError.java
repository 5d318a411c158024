package org.geotrans.domain.metrics;

import java.util.Locale;

/**
 * The mean of repeated measurements (e.g. the AUROC of several runs) with its standard error, as
 * the paper reports results: SEM = s / sqrt(n) with s the sample standard deviation (n - 1 in the
 * denominator).
 *
 * @param mean the arithmetic mean
 * @param standardError s / sqrt(n); NaN when n = 1, where the spread is unknown (as numpy's
 *                      {@code std(ddof=1)} and scipy's {@code sem})
 * @param count n, at least 1
 */
public record MeanWithError(double mean, double standardError, int count) {

    public MeanWithError {
        if (count < 1) {
            throw new IllegalArgumentException("a mean needs at least 1 value, got count " + count);
        }
    }

    /**
     * The mean and standard error of {@code values}.
     *
     * @throws IllegalArgumentException if there are no values or one is NaN or infinite
     */
    public static MeanWithError of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a mean needs at least 1 value, got none");
        }
        double sum = 0.0;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("value " + i + " is " + values[i] + ", expected a finite number");
            }
            sum += values[i];
        }
        double mean = sum / values.length;
        if (values.length == 1) {
            return new MeanWithError(mean, Double.NaN, 1);
        }
        // Two passes: the one-pass sum of squares loses everything when the values agree closely.
        double squares = 0.0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double sampleStd = Math.sqrt(squares / (values.length - 1));
        return new MeanWithError(mean, sampleStd / Math.sqrt(values.length), values.length);
    }

    /** E.g. {@code 0.9512 ± 0.0031 (n=5)}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.4f ± %.4f (n=%d)", mean, standardError, count);
    }
}
