package org.geotrans.adapters.weka;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Maps a raw normality score (any real number, higher = more normal) into [0, 1] by its rank
 * among the scores of the normal training instances, so that Weka can put it in a class
 * distribution.
 *
 * <p>The mapping, for training scores with distinct values {@code v_0 < ... < v_(m-1)} among
 * {@code n} scores:
 * <ul>
 *   <li>at {@code v_i}: the mid-rank of {@code v_i} among the n training scores divided by
 *       {@code n + 1}, so the training scores land strictly inside (0, 1);</li>
 *   <li>between two training values: linear interpolation;</li>
 *   <li>below {@code v_0} and above {@code v_(m-1)}: tails that decay like {@code 1 / distance}
 *       towards 0 and 1 (a hyperbola does not underflow the way an exponential would, so far-out
 *       anomalies keep distinct values).</li>
 * </ul>
 * The mapping is strictly increasing, so any ranking measure (ROC area, precision-recall area)
 * of the mapped values equals that of the raw scores. {@code -Infinity} maps to 0, {@code
 * +Infinity} to 1; NaN is refused.
 *
 * <p>With a decision threshold (the detector's, calibrated at a target false-alarm rate), the rank
 * mapping r is bent so that the threshold lands on 0.5 exactly: {@code 0.5 r(x) / r(t)} at and
 * below the threshold t, {@code 0.5 + 0.5 (r(x) - r(t)) / (1 - r(t))} above. Still strictly
 * increasing (ranking measures unchanged), and Weka's predicted class, accuracy and confusion
 * matrix are those of the threshold: normal at and above it, an anomaly below.
 */
final class NormalityCalibration implements Serializable {
    private static final long serialVersionUID = 1L;

    private final double[] values;
    private final double[] positions;
    private final double scale;
    /** The raw decision threshold, or null (models saved before thresholds deserialize to null too). */
    private final Double threshold;

    private NormalityCalibration(double[] values, double[] positions, double scale, Double threshold) {
        this.values = values;
        this.positions = positions;
        this.scale = scale;
        this.threshold = threshold;
    }

    /**
     * As {@link #fit(double[])}, with the raw decision threshold mapped to 0.5 exactly.
     *
     * @throws IllegalArgumentException when the threshold is not finite
     */
    static NormalityCalibration fit(double[] trainingScores, double decisionThreshold) {
        if (!Double.isFinite(decisionThreshold)) {
            throw new IllegalArgumentException("the decision threshold must be finite, got " + decisionThreshold);
        }
        NormalityCalibration ranks = fit(trainingScores);
        return new NormalityCalibration(ranks.values, ranks.positions, ranks.scale, decisionThreshold);
    }

    /**
     * The calibration of the given training scores.
     *
     * @throws IllegalArgumentException when there are no scores or a score is NaN
     */
    static NormalityCalibration fit(double[] trainingScores) {
        if (trainingScores.length == 0) {
            throw new IllegalArgumentException("calibrating normality scores needs at least one training score, got none");
        }
        double[] sorted = trainingScores.clone();
        Arrays.sort(sorted);
        if (Double.isNaN(sorted[sorted.length - 1])) {
            throw new IllegalArgumentException("a training normality score is NaN: the detector is broken");
        }
        int n = sorted.length;
        double[] distinct = new double[n];
        double[] midRanks = new double[n];
        int m = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && sorted[j + 1] == sorted[i]) {
                j++;
            }
            distinct[m] = sorted[i];
            midRanks[m] = ((i + 1) + (j + 1)) / 2.0 / (n + 1);
            m++;
            i = j + 1;
        }
        double spread = distinct[m - 1] - distinct[0];
        double scale = m > 1 && Double.isFinite(spread) && spread > 0 ? spread / (m - 1) : 1.0;
        return new NormalityCalibration(Arrays.copyOf(distinct, m), Arrays.copyOf(midRanks, m), scale, null);
    }

    /** The raw score mapped into [0, 1], strictly increasing in {@code raw}; 0.5 at the threshold. */
    double apply(double raw) {
        if (Double.isNaN(raw)) {
            throw new IllegalStateException("the detector returned a NaN normality score");
        }
        double r = rank(raw);
        if (threshold == null) {
            return r;
        }
        double atThreshold = rank(threshold);
        if (raw == threshold) {
            return 0.5;
        }
        if (raw < threshold) {
            // far out in a tail two ranks can round equal; a score below the threshold stays below 0.5
            return Math.min(0.5 * (r / atThreshold), Math.nextDown(0.5));
        }
        double above = 1 - atThreshold;
        // a threshold far out in the upper tail rounds its rank to 1: every score above it is then 1
        return above > 0 ? 0.5 + 0.5 * ((r - atThreshold) / above) : 1.0;
    }

    /** The raw decision threshold (probability 0.5), if there is one. */
    java.util.OptionalDouble threshold() {
        return threshold == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(threshold);
    }

    /** The rank mapping alone, strictly inside (0, 1) for finite scores. */
    private double rank(double raw) {
        int last = values.length - 1;
        if (raw <= values[0]) {
            return positions[0] * scale / (scale + (values[0] - raw));
        }
        if (raw >= values[last]) {
            return 1.0 - (1.0 - positions[last]) * scale / (scale + (raw - values[last]));
        }
        int i = Arrays.binarySearch(values, raw);
        if (i >= 0) {
            return positions[i];
        }
        int hi = -i - 1;
        int lo = hi - 1;
        double t = (raw - values[lo]) / (values[hi] - values[lo]);
        return positions[lo] + t * (positions[hi] - positions[lo]);
    }

    /** Number of distinct training scores. */
    int distinctTrainingScores() {
        return values.length;
    }

    /** The lowest and highest training score and the threshold, for model summaries. */
    String summary() {
        return String.format(java.util.Locale.ROOT, "raw training scores from %.4g to %.4g (%d distinct)",
                values[0], values[values.length - 1], values.length)
                + (threshold == null ? "; no decision threshold: probability 0.5 at the median training score"
                        : String.format(java.util.Locale.ROOT, "; decision threshold %.6g (probability 0.5)", threshold));
    }
}
