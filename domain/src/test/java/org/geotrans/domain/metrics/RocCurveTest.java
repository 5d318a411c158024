package org.geotrans.domain.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RocCurveTest {

    @Test
    void theCurveHasOnePointPerDistinctScoreAfterTheOrigin() {
        RocCurve curve = RocCurve.of(new double[] {3, 2, 2, 1}, new boolean[] {true, true, false, false});

        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 3, 2, 1}, curve.thresholds());
        assertArrayEquals(new double[] {0, 0, 0.5, 1}, curve.falsePositiveRates());
        assertArrayEquals(new double[] {0, 0.5, 1, 1}, curve.truePositiveRates());
        assertEquals(4, curve.size());
        assertEquals(0.875, curve.area(), 1e-15);
    }

    @Test
    void givenAllScoresEqual_thenTheCurveIsTheDiagonal() {
        RocCurve curve = RocCurve.of(new double[] {5, 5, 5}, new boolean[] {true, false, true});
        assertArrayEquals(new double[] {0, 1}, curve.falsePositiveRates());
        assertArrayEquals(new double[] {0, 1}, curve.truePositiveRates());
        assertEquals(0.5, curve.area(), 0.0);
    }

    @Test
    void theAreaUnderTheCurveIsTheAuroc() {
        SplittableRandom random = new SplittableRandom(8);
        double[] scores = new double[300];
        boolean[] isNormal = new boolean[300];
        for (int i = 0; i < scores.length; i++) {
            isNormal[i] = i % 3 != 0;
            scores[i] = Math.round(random.nextGaussian() * 4) + (isNormal[i] ? 1 : 0);
        }
        assertEquals(RankingMetrics.auroc(scores, isNormal), RocCurve.of(scores, isNormal).area(), 1e-12);
    }

    @Test
    void theArraysAreCopies() {
        RocCurve curve = RocCurve.of(new double[] {1, 0}, new boolean[] {true, false});
        curve.truePositiveRates()[1] = 42;
        assertEquals(1.0, curve.truePositiveRates()[1]);
        assertThrows(IllegalArgumentException.class, () -> new RocCurve(new double[2], new double[2], new double[3]));
    }
}
