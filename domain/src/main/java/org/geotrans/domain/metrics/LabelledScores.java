package org.geotrans.domain.metrics;

import java.util.Arrays;

/**
 * Scores split by class and sorted, walked from the highest score down one tie group at a time:
 * the shared core of AUROC, average precision and the ROC curve, O(n log n).
 */
final class LabelledScores {
    /** Ascending. */
    private final double[] positives;
    /** Ascending. */
    private final double[] negatives;

    private LabelledScores(double[] positives, double[] negatives) {
        this.positives = positives;
        this.negatives = negatives;
    }

    /** Scores with {@code isPositive[i]} saying whether score i belongs to the positive class. */
    static LabelledScores of(double[] scores, boolean[] isPositive, String positiveName, String negativeName) {
        if (scores.length != isPositive.length) {
            throw new IllegalArgumentException(
                    "got " + scores.length + " scores but " + isPositive.length + " labels; expected one label per score");
        }
        int p = 0;
        for (boolean b : isPositive) {
            if (b) {
                p++;
            }
        }
        double[] positives = new double[p];
        double[] negatives = new double[scores.length - p];
        int ip = 0;
        int in = 0;
        for (int i = 0; i < scores.length; i++) {
            double s = checked(scores[i], "score " + i);
            if (isPositive[i]) {
                positives[ip++] = s;
            } else {
                negatives[in++] = s;
            }
        }
        return sorted(positives, negatives, positiveName, negativeName);
    }

    /** Two separate samples, the first being the positive class; both copied. */
    static LabelledScores of(double[] positiveScores, double[] negativeScores, String positiveName, String negativeName) {
        double[] positives = new double[positiveScores.length];
        double[] negatives = new double[negativeScores.length];
        for (int i = 0; i < positives.length; i++) {
            positives[i] = checked(positiveScores[i], positiveName + " score " + i);
        }
        for (int i = 0; i < negatives.length; i++) {
            negatives[i] = checked(negativeScores[i], negativeName + " score " + i);
        }
        return sorted(positives, negatives, positiveName, negativeName);
    }

    private static LabelledScores sorted(double[] positives, double[] negatives, String positiveName, String negativeName) {
        if (positives.length == 0 || negatives.length == 0) {
            throw new IllegalArgumentException("need at least one " + positiveName + " and one " + negativeName
                    + " score, got " + positives.length + " " + positiveName + " and " + negatives.length + " " + negativeName);
        }
        Arrays.sort(positives);
        Arrays.sort(negatives);
        return new LabelledScores(positives, negatives);
    }

    private static double checked(double score, String what) {
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException(what + " is NaN; expected a number (infinities are allowed)");
        }
        // Arrays.sort orders -0.0 before 0.0, which would split a tie group.
        return score + 0.0;
    }

    int positiveCount() {
        return positives.length;
    }

    int negativeCount() {
        return negatives.length;
    }

    /** Receives the tie groups from the highest score down. */
    interface TieGroupVisitor {
        /**
         * @param threshold the score shared by the group
         * @param positivesInGroup positives with exactly this score
         * @param negativesInGroup negatives with exactly this score
         * @param positivesAbove positives with a higher score
         * @param negativesAbove negatives with a higher score
         */
        void group(double threshold, int positivesInGroup, int negativesInGroup, int positivesAbove, int negativesAbove);
    }

    void walkDescending(TieGroupVisitor visitor) {
        int ip = positives.length - 1;
        int in = negatives.length - 1;
        int positivesAbove = 0;
        int negativesAbove = 0;
        while (ip >= 0 || in >= 0) {
            double threshold = ip < 0 ? negatives[in]
                    : in < 0 ? positives[ip]
                    : Math.max(positives[ip], negatives[in]);
            int tp = 0;
            while (ip >= 0 && positives[ip] == threshold) {
                tp++;
                ip--;
            }
            int fp = 0;
            while (in >= 0 && negatives[in] == threshold) {
                fp++;
                in--;
            }
            visitor.group(threshold, tp, fp, positivesAbove, negativesAbove);
            positivesAbove += tp;
            negativesAbove += fp;
        }
    }

    /** P(positive score &gt; negative score) + P(equal) / 2, the normalised Mann-Whitney U. */
    double auroc() {
        long[] twiceU = {0};
        walkDescending((t, tp, fp, tpAbove, fpAbove) -> twiceU[0] += (long) fp * (2L * tpAbove + tp));
        return twiceU[0] / (2.0 * positives.length * negatives.length);
    }

    /** sum_n (R_n - R_{n-1}) P_n over the distinct thresholds, as scikit-learn's average_precision_score. */
    double averagePrecision() {
        double[] sum = {0};
        walkDescending((t, tp, fp, tpAbove, fpAbove) -> {
            if (tp > 0) {
                double truePositives = tpAbove + tp;
                sum[0] += tp * (truePositives / (truePositives + fpAbove + fp));
            }
        });
        return sum[0] / positives.length;
    }
}
