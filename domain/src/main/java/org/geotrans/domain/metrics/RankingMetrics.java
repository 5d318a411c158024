package org.geotrans.domain.metrics;

/**
 * Threshold-free detection metrics for normality scores, where higher means more normal (the
 * {@link org.geotrans.domain.score.NormalityScorer} contract). All are exact, treat tied scores as
 * scikit-learn does, run in O(n log n), and reject NaN scores and empty classes with an
 * {@link IllegalArgumentException}. Infinite scores are allowed.
 *
 * <p>Labels come as {@code boolean[] isNormal}, one per score: {@code true} for a normal image,
 * {@code false} for an anomaly.
 */
public final class RankingMetrics {

    private RankingMetrics() {
    }

    /**
     * Area under the ROC curve with normal as the positive class: the probability that a random
     * normal image scores higher than a random anomaly, ties counting 1/2. Equals the Mann-Whitney
     * U statistic of the normal scores divided by n_normal x n_anomalous, and scikit-learn's
     * {@code roc_auc_score(isNormal, scores)}. 0.5 is chance, 1 a perfect separation.
     */
    public static double auroc(double[] scores, boolean[] isNormal) {
        return LabelledScores.of(scores, isNormal, "normal", "anomalous").auroc();
    }

    /** {@link #auroc(double[], boolean[])} from the two classes' scores given separately. */
    public static double auroc(double[] normalScores, double[] anomalousScores) {
        return LabelledScores.of(normalScores, anomalousScores, "normal", "anomalous").auroc();
    }

    /**
     * Average precision as scikit-learn's {@code average_precision_score(isPositive, scores)}:
     * sum_n (R_n - R_{n-1}) P_n over the distinct score thresholds from high to low, a step
     * function with no interpolation. Its baseline is the positive fraction.
     *
     * @param isPositive true for the class that high scores should find
     */
    public static double averagePrecision(double[] scores, boolean[] isPositive) {
        return LabelledScores.of(scores, isPositive, "positive", "negative").averagePrecision();
    }

    /**
     * AUPR-in: average precision with normal as the positive class, so normal images should rank
     * first. (The paper's code reports the trapezoidal area under the precision-recall curve
     * instead; the two differ slightly, average precision is the less optimistic.)
     */
    public static double auprIn(double[] scores, boolean[] isNormal) {
        return LabelledScores.of(scores, isNormal, "normal", "anomalous").averagePrecision();
    }

    /**
     * AUPR-out: average precision with the anomaly as the positive class, computed on the negated
     * scores, so the least normal images should rank first.
     */
    public static double auprOut(double[] scores, boolean[] isNormal) {
        double[] negated = new double[scores.length];
        boolean[] isAnomalous = new boolean[isNormal.length];
        for (int i = 0; i < scores.length; i++) {
            negated[i] = -scores[i];
        }
        for (int i = 0; i < isNormal.length; i++) {
            isAnomalous[i] = !isNormal[i];
        }
        return LabelledScores.of(negated, isAnomalous, "anomalous", "normal").averagePrecision();
    }
}
