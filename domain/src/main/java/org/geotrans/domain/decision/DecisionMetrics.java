package org.geotrans.domain.decision;

/**
 * How the decisions at one threshold fared on labelled images, anomalies being the positives:
 * an image is flagged when its normality score is below the threshold.
 *
 * @param threshold the threshold (same units as the scores, higher = more normal)
 * @param normals normal images
 * @param anomalies anomalous images
 * @param falseAlarms normal images flagged
 * @param detections anomalies flagged
 */
public record DecisionMetrics(double threshold, int normals, int anomalies, int falseAlarms, int detections) {
    public DecisionMetrics {
        if (normals < 0 || anomalies < 0 || falseAlarms < 0 || detections < 0 || falseAlarms > normals
                || detections > anomalies) {
            throw new IllegalArgumentException("inconsistent counts: " + falseAlarms + " false alarms among " + normals
                    + " normal images, " + detections + " detections among " + anomalies + " anomalies");
        }
    }

    /**
     * The decisions at {@code threshold} on these scores.
     *
     * @throws IllegalArgumentException when the lengths differ
     */
    public static DecisionMetrics of(double[] scores, boolean[] isNormal, double threshold) {
        if (scores.length != isNormal.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + isNormal.length + " labels");
        }
        int normals = 0;
        int falseAlarms = 0;
        int detections = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean flagged = DecisionThreshold.isAnomalous(scores[i], threshold);
            if (isNormal[i]) {
                normals++;
                falseAlarms += flagged ? 1 : 0;
            } else {
                detections += flagged ? 1 : 0;
            }
        }
        return new DecisionMetrics(threshold, normals, scores.length - normals, falseAlarms, detections);
    }

    /** Share of the normal images flagged; NaN without normal images. */
    public double falseAlarmRate() {
        return normals == 0 ? Double.NaN : (double) falseAlarms / normals;
    }

    /** Share of the anomalies flagged (recall); NaN without anomalies. */
    public double detectionRate() {
        return anomalies == 0 ? Double.NaN : (double) detections / anomalies;
    }

    /** Share of the flagged images that are anomalies; NaN when nothing is flagged. */
    public double precision() {
        int flagged = falseAlarms + detections;
        return flagged == 0 ? Double.NaN : (double) detections / flagged;
    }
}
