package org.geotrans.domain.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * The ROC curve of normality scores (higher = more normal, normal is the positive class), for
 * plotting: point i is the (false positive rate, true positive rate) of calling "normal" every
 * image whose score is &gt;= {@code thresholds[i]}. The first point is (0, 0) at threshold +Infinity,
 * then one point per distinct score from the highest down, ending at (1, 1). Unlike
 * scikit-learn's default, collinear points are kept.
 *
 * @param falsePositiveRates fraction of anomalies at or above each threshold, non-decreasing
 * @param truePositiveRates fraction of normal images at or above each threshold, non-decreasing
 * @param thresholds decreasing score thresholds
 */
public record RocCurve(double[] falsePositiveRates, double[] truePositiveRates, double[] thresholds) {

    public RocCurve {
        if (falsePositiveRates.length != truePositiveRates.length || falsePositiveRates.length != thresholds.length) {
            throw new IllegalArgumentException("ROC curve needs as many rates as thresholds, got "
                    + falsePositiveRates.length + " false positive rates, " + truePositiveRates.length
                    + " true positive rates and " + thresholds.length + " thresholds");
        }
        falsePositiveRates = falsePositiveRates.clone();
        truePositiveRates = truePositiveRates.clone();
        thresholds = thresholds.clone();
    }

    /**
     * The curve of {@code scores} labelled by {@code isNormal}.
     *
     * @throws IllegalArgumentException if lengths differ, a score is NaN or a class is empty
     */
    public static RocCurve of(double[] scores, boolean[] isNormal) {
        LabelledScores labelled = LabelledScores.of(scores, isNormal, "normal", "anomalous");
        double p = labelled.positiveCount();
        double n = labelled.negativeCount();
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {0.0, 0.0, Double.POSITIVE_INFINITY});
        labelled.walkDescending((t, tp, fp, tpAbove, fpAbove) ->
                points.add(new double[] {(fpAbove + fp) / n, (tpAbove + tp) / p, t}));
        double[] fpr = new double[points.size()];
        double[] tpr = new double[points.size()];
        double[] thresholds = new double[points.size()];
        for (int i = 0; i < fpr.length; i++) {
            fpr[i] = points.get(i)[0];
            tpr[i] = points.get(i)[1];
            thresholds[i] = points.get(i)[2];
        }
        return new RocCurve(fpr, tpr, thresholds);
    }

    /** Number of points. */
    public int size() {
        return thresholds.length;
    }

    @Override
    public double[] falsePositiveRates() {
        return falsePositiveRates.clone();
    }

    @Override
    public double[] truePositiveRates() {
        return truePositiveRates.clone();
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** Trapezoidal area under the curve; equals {@link RankingMetrics#auroc(double[], boolean[])}. */
    public double area() {
        double area = 0.0;
        for (int i = 1; i < thresholds.length; i++) {
            area += (falsePositiveRates[i] - falsePositiveRates[i - 1])
                    * (truePositiveRates[i] + truePositiveRates[i - 1]) / 2.0;
        }
        return area;
    }
}
