package org.geotrans.domain.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NormalityScorersTest {

    @Test
    void eachScoreTypeGetsItsScorer() {
        TransformedSoftmax training = DirichletNormalityScorerTest.randomSoftmax(3, 100, 5);
        for (ScoreType type : ScoreType.values()) {
            NormalityScorer scorer = NormalityScorers.fit(type, training);
            assertEquals(type, scorer.type());
            assertEquals(100, scorer.score(training).length);
        }
        assertInstanceOf(DirichletNormalityScorer.class, NormalityScorers.fit(ScoreType.DIRICHLET, training));
        assertInstanceOf(SimplifiedNormalityScorer.class, NormalityScorers.fit(ScoreType.SIMPLIFIED, training));
    }

    @Test
    void givenNoScoreType_thenTheFactorySaysSo() {
        TransformedSoftmax training = DirichletNormalityScorerTest.randomSoftmax(2, 10, 5);
        assertThrows(IllegalArgumentException.class, () -> NormalityScorers.fit(null, training));
    }

    @Test
    void onDataThatSeparatesTheDirichletScoreRanksNormalImagesFirst() {
        // Normal images: the classifier recognises the transformation; anomalies: it does not.
        TransformedSoftmax training = DirichletNormalityScorerTest.randomSoftmax(4, 500, 6);
        NormalityScorer scorer = NormalityScorers.fit(ScoreType.DIRICHLET, training);
        float quarter = 0.25f;
        float[] uniform = new float[4 * 4];
        java.util.Arrays.fill(uniform, quarter);
        TransformedSoftmax anomalies = new TransformedSoftmax(4, new float[][] {uniform, uniform, uniform, uniform});
        double[] normalScores = scorer.score(DirichletNormalityScorerTest.randomSoftmax(4, 50, 7));
        double anomalyScore = scorer.score(anomalies)[0];
        double median = java.util.Arrays.stream(normalScores).sorted().toArray()[25];
        assertTrue(median > anomalyScore, "median normal " + median + " vs anomaly " + anomalyScore);
    }
}
