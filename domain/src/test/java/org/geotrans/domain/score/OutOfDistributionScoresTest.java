package org.geotrans.domain.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.geotrans.domain.port.TwoHeadSoftmax;
import org.junit.jupiter.api.Test;

class OutOfDistributionScoresTest {

    /** Two images, two categories, two transformations. */
    private static TwoHeadSoftmax outputs(float[] categories, float[] transformations) {
        return new TwoHeadSoftmax(2, 2, 2, categories, transformations);
    }

    @Test
    void theTransformationScoreIsTheMeanLogProbabilityOfTheAppliedTransformation() {
        double[] scores = new double[3];
        // images 1 and 2 of a set: under transformation 0, then under transformation 1
        OutOfDistributionScores.addTransformationTerm(outputs(new float[4], new float[] {0.5f, 0.5f, 0.25f, 0.75f}), 0, scores, 1);
        OutOfDistributionScores.addTransformationTerm(outputs(new float[4], new float[] {0.2f, 0.8f, 0.5f, 0.5f}), 1, scores, 1);
        assertEquals(0, scores[0]);
        assertEquals((Math.log(0.5f) + Math.log(0.8f)) / 2, scores[1], 1e-12);
        assertEquals((Math.log(0.25f) + Math.log(0.5f)) / 2, scores[2], 1e-12);
    }

    @Test
    void aProbabilityOfZeroCountsAsTheSmallestNormalFloatNotMinusInfinity() {
        double[] scores = new double[2];
        OutOfDistributionScores.addTransformationTerm(outputs(new float[4], new float[] {0f, 1f, 1f, 0f}), 0, scores, 0);
        assertEquals(Math.log(Float.MIN_NORMAL) / 2, scores[0], 1e-12);
        assertEquals(0, scores[1]);
    }

    @Test
    void probabilitiesOutsideTheUnitIntervalAreRefused() {
        double[] scores = new double[2];
        assertThrows(IllegalArgumentException.class, () -> OutOfDistributionScores.addTransformationTerm(
                outputs(new float[4], new float[] {Float.NaN, 1f, 1f, 0f}), 0, scores, 0));
    }

    @Test
    void theBaselineIsTheLargestCategoryProbabilityAndItsCategoryThePrediction() {
        TwoHeadSoftmax out = outputs(new float[] {0.3f, 0.7f, 0.9f, 0.1f}, new float[4]);
        double[] msp = new double[2];
        int[] predicted = new int[2];
        OutOfDistributionScores.maximumSoftmax(out, msp, 0);
        OutOfDistributionScores.predictedCategory(out, predicted, 0);
        assertArrayEquals(new double[] {0.7f, 0.9f}, msp);
        assertArrayEquals(new int[] {1, 0}, predicted);
    }
}
