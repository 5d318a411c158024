package org.geotrans.adapters.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.geotrans.domain.metrics.RankingMetrics;
import org.junit.jupiter.api.Test;

class NormalityCalibrationTest {

    @Test
    void mappedScoresAreStrictlyIncreasingAndInsideTheUnitInterval() {
        NormalityCalibration c = NormalityCalibration.fit(new double[] {-3, 5, 5, 1, 10, 2.5});
        double[] grid = {-1e300, -1e12, -1e6, -100, -3.0000001, -3, -1, 1, 2, 2.5, 4.99, 5, 5.01, 10, 11, 1e6, 1e12, 1e300};
        double previous = -1;
        for (double raw : grid) {
            double p = c.apply(raw);
            assertTrue(p > previous, "not increasing at " + raw + ": " + p + " after " + previous);
            assertTrue(p >= 0 && p <= 1, "outside [0, 1] at " + raw + ": " + p);
            previous = p;
        }
        assertEquals(0.0, c.apply(Double.NEGATIVE_INFINITY));
        assertEquals(1.0, c.apply(Double.POSITIVE_INFINITY));
    }

    @Test
    void aTrainingScoreMapsToItsMidRankOverNPlusOne() {
        NormalityCalibration c = NormalityCalibration.fit(new double[] {-3, 5, 5, 1, 10, 2.5});
        // sorted: -3, 1, 2.5, 5, 5, 10; n + 1 = 7
        assertEquals(1 / 7.0, c.apply(-3), 1e-12);
        assertEquals(4.5 / 7.0, c.apply(5), 1e-12);
        assertEquals(6 / 7.0, c.apply(10), 1e-12);
        assertEquals((2 / 7.0 + 3 / 7.0) / 2, c.apply(1.75), 1e-12);
    }

    @Test
    void givenScoresSpanningManyOrdersOfMagnitude_thenTheRocAreaOfTheMappedScoresEqualsTheRawOne() {
        Random random = new Random(7);
        double[] training = new double[200];
        for (int i = 0; i < training.length; i++) {
            training[i] = 40 + 5 * random.nextGaussian();
        }
        NormalityCalibration c = NormalityCalibration.fit(training);
        double[] raw = new double[1000];
        boolean[] normal = new boolean[raw.length];
        for (int i = 0; i < raw.length; i++) {
            normal[i] = i % 2 == 0;
            // anomalies far below the training range, down to -1e5, where an exponential tail would underflow
            raw[i] = normal[i] ? 40 + 6 * random.nextGaussian() : 35 - Math.pow(10, 5 * random.nextDouble());
        }
        double[] mapped = Arrays.stream(raw).map(c::apply).toArray();
        assertEquals(RankingMetrics.auroc(raw, normal), RankingMetrics.auroc(mapped, normal), 0.0);
        assertEquals(raw.length, Arrays.stream(mapped).distinct().count(), "ties appeared in the mapping");
    }

    @Test
    void oneDistinctTrainingScoreStillGivesAStrictlyIncreasingMap() {
        NormalityCalibration c = NormalityCalibration.fit(new double[] {2, 2, 2});
        assertEquals(0.5, c.apply(2), 1e-12);
        assertTrue(c.apply(1.9) < 0.5 && c.apply(2.1) > 0.5);
    }

    @Test
    void noTrainingScoresOrANaNAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> NormalityCalibration.fit(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> NormalityCalibration.fit(new double[] {1, Double.NaN}));
        assertThrows(IllegalStateException.class, () -> NormalityCalibration.fit(new double[] {1}).apply(Double.NaN));
    }

    @Test
    void givenADecisionThreshold_thenItMapsToOneHalfExactlyAndTheOrderOfEveryScoreIsKept() {
        Random random = new Random(3);
        double[] training = new double[300];
        for (int i = 0; i < training.length; i++) {
            training[i] = -1300 + 40 * random.nextGaussian();
        }
        for (double threshold : new double[] {-1370.123456789, -1300, training[17], -5000, 1e6}) {
            NormalityCalibration c = NormalityCalibration.fit(training, threshold);
            assertEquals(0.5, c.apply(threshold), 0.0, "at the threshold " + threshold);
            assertTrue(c.apply(Math.nextDown(threshold)) < 0.5, "just below " + threshold);
            assertTrue(c.apply(Math.nextUp(threshold)) >= 0.5, "just above " + threshold);
            double[] grid = {-1e300, -1e6, -2000, -1400, -1350, -1310, -1300, -1290, -1250, -1200, 0, 1e6, 1e300};
            double previous = -1;
            for (double raw : grid) {
                double p = c.apply(raw);
                assertTrue(p > previous || raw == 1e6 && threshold == 1e6, "not increasing at " + raw + " for " + threshold);
                assertTrue(p >= 0 && p <= 1, "outside [0, 1] at " + raw);
                assertEquals(raw < threshold, p < 0.5, "decision at " + raw + " for threshold " + threshold);
                previous = p;
            }
        }
    }

    @Test
    void withoutAThresholdTheMedianTrainingScoreIsOneHalfAsBefore() {
        NormalityCalibration c = NormalityCalibration.fit(new double[] {1, 2, 3, 4, 5});
        assertEquals(0.5, c.apply(3), 1e-12);
        assertTrue(c.threshold().isEmpty());
        assertEquals(3.25, NormalityCalibration.fit(new double[] {1, 2, 3, 4, 5}, 3.25).threshold().getAsDouble());
    }
}
