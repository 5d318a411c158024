package org.geotrans.domain.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.geotrans.domain.score.ScoreType;
import org.junit.jupiter.api.Test;

class DecisionThresholdTest {

    private static double[] shuffledRange(int n, long seed) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = -1000 + i * 0.5;
        }
        Random random = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
        return v;
    }

    @Test
    void givenDistinctCalibrationScores_thenTheThresholdFlagsFloorOfTargetTimesNOfThem() {
        for (int n : new int[] {1, 19, 20, 100, 101, 1000}) {
            double[] scores = shuffledRange(n, n);
            for (double target : new double[] {0.01, 0.05, 0.1, 0.5}) {
                double t = DecisionThreshold.at(scores, target);
                boolean[] allNormal = new boolean[n];
                java.util.Arrays.fill(allNormal, true);
                DecisionMetrics m = DecisionMetrics.of(scores, allNormal, t);
                assertEquals((int) Math.floor(target * n + 1e-9), m.falseAlarms(), "n " + n + ", target " + target);
            }
        }
    }

    @Test
    void theThresholdLiesMidwayBetweenTheLastFlaggedAndTheFirstKeptScore() {
        assertEquals(2.5, DecisionThreshold.at(new double[] {5, 1, 4, 2, 3, 6, 7, 8, 9, 10}, 0.2), 0.0);
        // nothing to flag: the lowest score itself, which is kept (flagged means strictly below)
        assertEquals(1.0, DecisionThreshold.at(new double[] {5, 1, 4}, 0.05), 0.0);
    }

    @Test
    void tiedScoresAreDecidedAlikeSoTheRateMayFallBelowTheTarget() {
        double[] scores = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
        double t = DecisionThreshold.at(scores, 0.3);
        assertEquals(0, DecisionMetrics.of(scores, new boolean[] {true, true, true, true, true, true, true, true, true, true},
                t).falseAlarms());
    }

    @Test
    void calibrateSetsEveryScoreTypeAndRefusesWhatCannotBeAThreshold() {
        DecisionThreshold d = DecisionThreshold.calibrate(Map.of(ScoreType.DIRICHLET, new double[] {-3, -1, -2},
                ScoreType.SIMPLIFIED, new double[] {0.2, 0.3, 0.1}), 0.4, "three images");
        assertEquals(-2.5, d.value(ScoreType.DIRICHLET), 0.0);
        assertEquals(0.15000000000000002, d.value(ScoreType.SIMPLIFIED), 1e-15);
        assertEquals(3, d.calibrationImages());
        assertEquals(0.7, d.with(ScoreType.SIMPLIFIED, 0.7).value(ScoreType.SIMPLIFIED), 0.0);
        assertThrows(IllegalArgumentException.class, () -> DecisionThreshold.calibrate(Map.of(ScoreType.DIRICHLET,
                new double[] {1}, ScoreType.SIMPLIFIED, new double[] {1}), 0, "x"));
        assertThrows(IllegalArgumentException.class, () -> DecisionThreshold.calibrate(Map.of(ScoreType.DIRICHLET,
                new double[] {1}, ScoreType.SIMPLIFIED, new double[] {1}), 1, "x"));
        assertThrows(IllegalArgumentException.class, () -> DecisionThreshold.at(new double[] {1, Double.NaN}, 0.5));
        assertThrows(IllegalArgumentException.class, () -> DecisionThreshold.at(new double[0], 0.5));
        assertThrows(IllegalArgumentException.class, () -> DecisionThreshold.at(
                new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY}, 0.05));
    }

    @Test
    void decisionMetricsCountAnomaliesAsPositives() {
        double[] scores = {5, 1, 4, 2, 3, 0};
        boolean[] normal = {true, true, true, false, false, false};
        DecisionMetrics m = DecisionMetrics.of(scores, normal, 2.5);
        assertEquals(1, m.falseAlarms());
        assertEquals(2, m.detections());
        assertEquals(1 / 3.0, m.falseAlarmRate(), 1e-15);
        assertEquals(2 / 3.0, m.detectionRate(), 1e-15);
        assertEquals(2 / 3.0, m.precision(), 1e-15);
        assertTrue(Double.isNaN(DecisionMetrics.of(scores, normal, -10).precision()), "nothing flagged");
    }
}
