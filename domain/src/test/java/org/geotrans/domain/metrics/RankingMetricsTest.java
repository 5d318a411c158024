package org.geotrans.domain.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {
    private static final boolean N = true;   // normal
    private static final boolean A = false;  // anomalous

    @Test
    void aurocCountsTheNormalAnomalousPairsInTheRightOrder() {
        double[] scores = {0.9, 0.8, 0.7, 0.6, 0.5};
        boolean[] isNormal = {N, N, A, N, A};
        // normal {0.9, 0.8, 0.6} vs anomalous {0.7, 0.5}: only 0.6 < 0.7 is out of order, 5 of 6 pairs
        assertEquals(5.0 / 6, RankingMetrics.auroc(scores, isNormal), 1e-15);
        assertEquals(5.0 / 6, RankingMetrics.auroc(new double[] {0.9, 0.8, 0.6}, new double[] {0.7, 0.5}), 1e-15);
    }

    @Test
    void tiedPairsCountOneHalf() {
        // normal {3, 2} vs anomalous {2, 1}: 3 > 2, 3 > 1, 2 = 2 (1/2), 2 > 1
        assertEquals(3.5 / 4, RankingMetrics.auroc(new double[] {3, 2, 2, 1}, new boolean[] {N, N, A, A}), 1e-15);
        assertEquals(0.5, RankingMetrics.auroc(new double[] {1, 1, 0, 0}, new boolean[] {N, A, N, A}), 1e-15);
    }

    @Test
    void givenAllScoresEqual_thenAurocIsOneHalfAndAveragePrecisionIsThePositiveFraction() {
        double[] scores = {0.3, 0.3, 0.3, 0.3};
        boolean[] isNormal = {N, N, N, A};
        assertEquals(0.5, RankingMetrics.auroc(scores, isNormal), 0.0);
        assertEquals(0.75, RankingMetrics.auprIn(scores, isNormal), 1e-15);
        assertEquals(0.25, RankingMetrics.auprOut(scores, isNormal), 1e-15);
    }

    @Test
    void perfectAndReversedRankingsGiveOneAndZero() {
        double[] scores = {4, 3, 2, 1};
        assertEquals(1.0, RankingMetrics.auroc(scores, new boolean[] {N, N, A, A}));
        assertEquals(0.0, RankingMetrics.auroc(scores, new boolean[] {A, A, N, N}));
        assertEquals(1.0, RankingMetrics.auprIn(scores, new boolean[] {N, N, A, A}));
        assertEquals(1.0, RankingMetrics.auprOut(scores, new boolean[] {N, N, A, A}));
    }

    @Test
    void auprInIsAveragePrecisionWithNormalImagesAsPositives() {
        double[] scores = {0.9, 0.8, 0.7, 0.6, 0.5};
        boolean[] isNormal = {N, N, A, N, A};
        // hits at ranks 1, 2, 4: precisions 1, 1, 3/4, each worth recall 1/3
        assertEquals((1 + 1 + 0.75) / 3, RankingMetrics.auprIn(scores, isNormal), 1e-15);
        assertEquals((1 + 1 + 0.75) / 3, RankingMetrics.averagePrecision(scores, isNormal), 1e-15);
    }

    @Test
    void auprOutIsAveragePrecisionWithAnomaliesAsPositivesOnNegatedScores() {
        double[] scores = {0.9, 0.8, 0.7, 0.6, 0.5};
        boolean[] isNormal = {N, N, A, N, A};
        // from the lowest score: 0.5 anomaly (precision 1), 0.6 normal, 0.7 anomaly (precision 2/3)
        assertEquals((1 + 2.0 / 3) / 2, RankingMetrics.auprOut(scores, isNormal), 1e-15);
    }

    @Test
    void averagePrecisionTreatsATieGroupAsOneThreshold() {
        // threshold 3: 1 hit of 1 (P = 1, R = 1/2); threshold 2: 2 hits of 3 (P = 2/3, R = 1)
        assertEquals(0.5 + 0.5 * 2 / 3, RankingMetrics.auprIn(new double[] {3, 2, 2, 1}, new boolean[] {N, N, A, A}), 1e-15);
        // threshold 1: 1 hit of 2 (P = 1/2, R = 1/2); threshold 0: P = 1/2, R = 1
        assertEquals(0.5, RankingMetrics.auprIn(new double[] {1, 1, 0, 0}, new boolean[] {N, A, N, A}), 1e-15);
    }

    @Test
    void aurocEqualsTheMannWhitneyStatisticOnRandomScoresWithManyTies() {
        SplittableRandom random = new SplittableRandom(21);
        for (int trial = 0; trial < 20; trial++) {
            int n = 50 + random.nextInt(200);
            double[] scores = new double[n];
            boolean[] isNormal = new boolean[n];
            for (int i = 0; i < n; i++) {
                scores[i] = random.nextInt(15); // few distinct values: many ties
                isNormal[i] = random.nextDouble() < 0.3;
            }
            isNormal[0] = true;
            isNormal[1] = false;
            assertEquals(bruteForceU(scores, isNormal), RankingMetrics.auroc(scores, isNormal), 1e-12);
            assertEquals(bruteForceAveragePrecision(scores, isNormal), RankingMetrics.auprIn(scores, isNormal), 1e-12);
        }
    }

    @Test
    void negativeAndPositiveZeroAreOneTie() {
        assertEquals(0.5, RankingMetrics.auroc(new double[] {0.0, -0.0}, new boolean[] {N, A}));
        assertEquals(0.5, RankingMetrics.auroc(new double[] {-0.0, 0.0}, new boolean[] {N, A}));
    }

    @Test
    void infiniteScoresAreRankedLikeAnyOther() {
        double[] scores = {Double.POSITIVE_INFINITY, 1, Double.NEGATIVE_INFINITY};
        assertEquals(1.0, RankingMetrics.auroc(scores, new boolean[] {N, N, A}));
    }

    @Test
    void givenAnEmptyClass_thenTheMetricsSayWhichClassIsMissing() {
        IllegalArgumentException noAnomaly = assertThrows(IllegalArgumentException.class,
                () -> RankingMetrics.auroc(new double[] {1, 2}, new boolean[] {N, N}));
        assertTrue(noAnomaly.getMessage().contains("2 normal and 0 anomalous"), noAnomaly.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RankingMetrics.auprIn(new double[] {1, 2}, new boolean[] {A, A}));
        assertThrows(IllegalArgumentException.class, () -> RankingMetrics.auprOut(new double[] {1, 2}, new boolean[] {N, N}));
        assertThrows(IllegalArgumentException.class, () -> RankingMetrics.auroc(new double[0], new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> RankingMetrics.auroc(new double[0], new boolean[0]));
    }

    @Test
    void givenANaNScoreOrMismatchedLabels_thenTheMetricsRefuse() {
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> RankingMetrics.auroc(new double[] {1, Double.NaN}, new boolean[] {N, A}));
        assertTrue(nan.getMessage().contains("score 1 is NaN"), nan.getMessage());
        IllegalArgumentException lengths = assertThrows(IllegalArgumentException.class,
                () -> RankingMetrics.auroc(new double[] {1, 2, 3}, new boolean[] {N, A}));
        assertTrue(lengths.getMessage().contains("3 scores but 2 labels"), lengths.getMessage());
    }

    @Test
    void detectionMetricsBundleTheThreeNumbersAndTheClassSizes() {
        double[] scores = {0.9, 0.8, 0.7, 0.6, 0.5};
        boolean[] isNormal = {N, N, A, N, A};
        DetectionMetrics metrics = DetectionMetrics.of(scores, isNormal);
        assertEquals(5.0 / 6, metrics.auroc(), 1e-15);
        assertEquals(RankingMetrics.auprIn(scores, isNormal), metrics.auprIn(), 0.0);
        assertEquals(RankingMetrics.auprOut(scores, isNormal), metrics.auprOut(), 0.0);
        assertEquals(3, metrics.normalCount());
        assertEquals(2, metrics.anomalousCount());
    }

    private static double bruteForceU(double[] scores, boolean[] isNormal) {
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < scores.length; i++) {
            for (int j = 0; j < scores.length; j++) {
                if (isNormal[i] && !isNormal[j]) {
                    pairs++;
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }
        return wins / pairs;
    }

    /** sum over distinct thresholds t (high to low) of (recall(t) - recall(previous)) x precision(t). */
    private static double bruteForceAveragePrecision(double[] scores, boolean[] isPositive) {
        double[] thresholds = java.util.Arrays.stream(scores).distinct().sorted().toArray();
        int positives = 0;
        for (boolean b : isPositive) {
            positives += b ? 1 : 0;
        }
        double ap = 0;
        double previousRecall = 0;
        for (int t = thresholds.length - 1; t >= 0; t--) {
            int tp = 0;
            int predicted = 0;
            for (int i = 0; i < scores.length; i++) {
                if (scores[i] >= thresholds[t]) {
                    predicted++;
                    tp += isPositive[i] ? 1 : 0;
                }
            }
            double recall = (double) tp / positives;
            ap += (recall - previousRecall) * tp / predicted;
            previousRecall = recall;
        }
        return ap;
    }
}
