package org.geotrans.domain.metrics;

/**
 * The three numbers the paper reports for one experiment, computed from normality scores (higher
 * = more normal) and labels.
 *
 * @param auroc see {@link RankingMetrics#auroc(double[], boolean[])}
 * @param auprIn see {@link RankingMetrics#auprIn(double[], boolean[])}
 * @param auprOut see {@link RankingMetrics#auprOut(double[], boolean[])}
 * @param normalCount number of normal images
 * @param anomalousCount number of anomalies
 */
public record DetectionMetrics(double auroc, double auprIn, double auprOut, int normalCount, int anomalousCount) {

    public DetectionMetrics {
        if (normalCount < 1 || anomalousCount < 1) {
            throw new IllegalArgumentException("metrics need at least one image of each class, got " + normalCount
                    + " normal and " + anomalousCount + " anomalous");
        }
    }

    /**
     * @throws IllegalArgumentException if lengths differ, a score is NaN or a class is empty
     */
    public static DetectionMetrics of(double[] scores, boolean[] isNormal) {
        LabelledScores labelled = LabelledScores.of(scores, isNormal, "normal", "anomalous");
        return new DetectionMetrics(labelled.auroc(), labelled.averagePrecision(),
                RankingMetrics.auprOut(scores, isNormal), labelled.positiveCount(), labelled.negativeCount());
    }
}
