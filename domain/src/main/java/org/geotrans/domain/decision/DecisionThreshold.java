package org.geotrans.domain.decision;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.geotrans.domain.score.ScoreType;

/**
 * Where a detector's normality scores turn into decisions: an image whose score is below the
 * threshold of its score type is called an anomaly. Calibrated on normal images the network did
 * not learn from, so that about {@code targetFalseAlarmRate} of new normal images fall below it.
 *
 * @param targetFalseAlarmRate the share of normal images the threshold was set to flag, in (0, 1)
 * @param calibrationImages how many normal images it was calibrated on
 * @param source where those images came from, in words (a held-out share, a folder)
 * @param values the threshold of each score type (higher = more normal, as the scores)
 */
public record DecisionThreshold(double targetFalseAlarmRate, int calibrationImages, String source,
                                Map<ScoreType, Double> values) {
    /** The default target: one normal image in twenty flagged. */
    public static final double DEFAULT_TARGET_FALSE_ALARM_RATE = 0.05;

    public DecisionThreshold {
        checkTarget(targetFalseAlarmRate);
        if (calibrationImages < 1) {
            throw new IllegalArgumentException("a threshold needs at least 1 calibration image, got " + calibrationImages);
        }
        Objects.requireNonNull(source, "source");
        Map<ScoreType, Double> copy = new EnumMap<>(ScoreType.class);
        copy.putAll(values);
        for (ScoreType type : ScoreType.values()) {
            Double v = copy.get(type);
            if (v == null || !Double.isFinite(v)) {
                throw new IllegalArgumentException("the " + type.name().toLowerCase(java.util.Locale.ROOT)
                        + " threshold must be a finite number, got " + v);
            }
        }
        values = Collections.unmodifiableMap(copy);
    }

    /** @throws IllegalArgumentException unless the rate is in (0, 1) */
    public static void checkTarget(double targetFalseAlarmRate) {
        if (!(targetFalseAlarmRate > 0 && targetFalseAlarmRate < 1)) {
            throw new IllegalArgumentException("the target false-alarm rate must be in (0, 1), got " + targetFalseAlarmRate);
        }
    }

    /**
     * The thresholds that flag at most {@code target} of these normal images (exactly
     * floor(target x n) of them when their scores are distinct), for every score type.
     *
     * @param normalScores each score type's scores of the same calibration images
     */
    public static DecisionThreshold calibrate(Map<ScoreType, double[]> normalScores, double target, String source) {
        checkTarget(target);
        Map<ScoreType, Double> values = new EnumMap<>(ScoreType.class);
        int n = -1;
        for (ScoreType type : ScoreType.values()) {
            double[] scores = normalScores.get(type);
            if (scores == null) {
                throw new IllegalArgumentException("no " + type + " scores to calibrate on");
            }
            if (n >= 0 && scores.length != n) {
                throw new IllegalArgumentException("the score types hold " + n + " and " + scores.length + " scores");
            }
            n = scores.length;
            values.put(type, at(scores, target));
        }
        return new DecisionThreshold(target, n, source, values);
    }

    /**
     * The threshold below which at most floor(target x n) of the scores lie: midway between the
     * m-th and (m+1)-th lowest score for m = floor(target x n), so that a new score equal to
     * either calibration score is decided as the calibration image was.
     */
    static double at(double[] normalScores, double target) {
        if (normalScores.length == 0) {
            throw new IllegalArgumentException("calibrating a threshold needs at least one normal image, got none");
        }
        double[] sorted = normalScores.clone();
        Arrays.sort(sorted);
        if (Double.isNaN(sorted[sorted.length - 1])) {
            throw new IllegalArgumentException("a calibration score is NaN: the detector is broken");
        }
        int flagged = (int) Math.floor(target * sorted.length + 1e-9);
        if (flagged == 0) {
            return finiteOrThrow(sorted[0]);
        }
        double low = sorted[flagged - 1];
        double high = sorted[flagged];
        if (low == high || Double.isInfinite(low)) {
            return finiteOrThrow(high);
        }
        double mid = low + (high - low) / 2;
        // the midpoint of two adjacent doubles may round onto the lower one, which would flag it
        return mid > low ? mid : high;
    }

    private static double finiteOrThrow(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("the calibration scores give an infinite threshold (" + v + ")");
        }
        return v;
    }

    /** The threshold of one score type. */
    public double value(ScoreType type) {
        return values.get(type);
    }

    /** The same calibration with one score type's threshold replaced (a user's own choice). */
    public DecisionThreshold with(ScoreType type, double value) {
        Map<ScoreType, Double> copy = new EnumMap<>(values);
        copy.put(type, value);
        return new DecisionThreshold(targetFalseAlarmRate, calibrationImages, source, copy);
    }

    /** Whether a score of this type is decided as an anomaly: strictly below the threshold. */
    public static boolean isAnomalous(double score, double threshold) {
        return score < threshold;
    }
}
