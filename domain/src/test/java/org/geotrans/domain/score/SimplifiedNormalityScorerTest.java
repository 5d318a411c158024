package org.geotrans.domain.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SimplifiedNormalityScorerTest {
    private final SimplifiedNormalityScorer scorer = new SimplifiedNormalityScorer();

    @Test
    void theScoreIsTheMeanProbabilityOfTheTrueTransformation() {
        TransformedSoftmax outputs = new TransformedSoftmax(2, new float[][] {
                {0.9f, 0.1f, /* image 1 */ 0.4f, 0.6f},
                {0.3f, 0.7f, /* image 1 */ 0.5f, 0.5f},
        });

        // image 0: (0.9 + 0.7) / 2, image 1: (0.4 + 0.5) / 2
        assertArrayEquals(new double[] {0.8, 0.45}, scorer.score(outputs), 1e-7);
        assertEquals(ScoreType.SIMPLIFIED, scorer.type());
    }

    @Test
    void aPerfectClassifierScoresOneAndAUniformOneScoresOneOverK() {
        TransformedSoftmax perfect = new TransformedSoftmax(1, new float[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
        float third = 1f / 3;
        TransformedSoftmax uniform = new TransformedSoftmax(1, new float[][] {
                {third, third, third}, {third, third, third}, {third, third, third}});
        assertEquals(1.0, scorer.score(perfect)[0], 0.0);
        assertEquals(1.0 / 3, scorer.score(uniform)[0], 1e-7);
    }

    @Test
    void givenAProbabilityOutsideZeroOne_thenTheMessageNamesImageAndTransformation() {
        TransformedSoftmax outputs = new TransformedSoftmax(1, new float[][] {{0.5f, 0.5f}, {0.5f, Float.NaN}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> scorer.score(outputs));
        assertTrue(e.getMessage().contains("image 0 under transformation 1"), e.getMessage());
    }
}
