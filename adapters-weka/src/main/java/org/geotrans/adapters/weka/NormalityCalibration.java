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
 */
final class NormalityCalibration implements Serializable {
    private static final long serialVersionUID = 1L;

    private final double[] values;
    private final double[] positions;
    private final double scale;

    private NormalityCalibration(double[] values, double[] positions, double scale) {
        this.values = values;
        this.positions = positions;
        this.scale = scale;
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
        return new NormalityCalibration(Arrays.copyOf(distinct, m), Arrays.copyOf(midRanks, m), scale);
    }

    /** The raw score mapped into [0, 1], strictly increasing in {@code raw}. */
    double apply(double raw) {
        if (Double.isNaN(raw)) {
            throw new IllegalStateException("the detector returned a NaN normality score");
        }
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

    /** The lowest, median and highest training score, for model summaries. */
    String summary() {
        return String.format(java.util.Locale.ROOT, "raw training scores from %.4g to %.4g (%d distinct)",
                values[0], values[values.length - 1], values.length);
    }
}
