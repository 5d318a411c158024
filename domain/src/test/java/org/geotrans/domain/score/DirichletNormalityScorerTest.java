package org.geotrans.domain.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.geotrans.domain.dirichlet.DirichletEstimator;
import org.geotrans.domain.dirichlet.DirichletFit;
import org.geotrans.domain.dirichlet.SimplexClipping;
import org.junit.jupiter.api.Test;

class DirichletNormalityScorerTest {
    private static final SimplexClipping CLIPPING = SimplexClipping.defaults();

    /** Two transformations, two images: image 0 is confidently recognised, image 1 is a coin toss. */
    private static TransformedSoftmax twoImages() {
        return new TransformedSoftmax(2, new float[][] {
                {0.8f, 0.2f, /* image 1 */ 0.5f, 0.5f},
                {0.25f, 0.75f, /* image 1 */ 0.5f, 0.5f},
        });
    }

    @Test
    void theScoreIsTheMeanOverTransformationsOfAlphaMinusOneTimesLogSoftmax_asInTheReferenceCode() {
        DirichletNormalityScorer scorer = new DirichletNormalityScorer(new double[][] {{2, 1}, {1, 3}}, CLIPPING);

        double[] scores = scorer.score(twoImages());

        // ((2 - 1) log 0.8 + (3 - 1) log 0.75) / 2, and ((2 - 1) log 0.5 + (3 - 1) log 0.5) / 2
        assertEquals((Math.log(0.8) + 2 * Math.log(0.75)) / 2, scores[0], 1e-6);
        assertEquals(3 * Math.log(0.5) / 2, scores[1], 1e-6);
        assertTrue(scores[0] > scores[1], "the recognised image should score as more normal");
        assertEquals(ScoreType.DIRICHLET, scorer.type());
    }

    @Test
    void givenASoftmaxWithAnExactZero_thenItIsClippedAsInTheFitAndTheScoreStaysFinite() {
        DirichletNormalityScorer scorer = new DirichletNormalityScorer(new double[][] {{2, 0.5}, {1, 1}}, CLIPPING);
        TransformedSoftmax outputs = new TransformedSoftmax(1, new float[][] {{1f, 0f}, {0.5f, 0.5f}});

        double score = scorer.score(outputs)[0];

        double eps = SimplexClipping.DEFAULT_EPSILON;
        double expected = (Math.log(1 / (1 + eps)) - 0.5 * Math.log(eps / (1 + eps))) / 2;
        assertEquals(expected, score, 1e-9 * Math.abs(expected));
    }

    @Test
    void givenNormalTrainingOutputs_thenTheFactoryFitsOneDirichletPerTransformation() {
        TransformedSoftmax training = randomSoftmax(3, 400, 1);

        DirichletNormalityScorer scorer = DirichletNormalityScorer.fit(training);

        assertEquals(3, scorer.transformationCount());
        assertEquals(3, scorer.fits().size());
        DirichletEstimator estimator = new DirichletEstimator();
        for (int j = 0; j < 3; j++) {
            DirichletFit expected = estimator.fit(training.under(j), 400, 3);
            assertArrayEquals(expected.alpha(), scorer.alphas()[j], 0.0, "alphas of transformation " + j);
            assertTrue(scorer.fits().get(j).converged());
        }
    }

    @Test
    void aScorerRestoredFromSavedAlphasScoresExactlyAsTheFittedOne() {
        DirichletNormalityScorer fitted = DirichletNormalityScorer.fit(randomSoftmax(4, 300, 2));
        TransformedSoftmax test = randomSoftmax(4, 50, 3);

        DirichletNormalityScorer restored = new DirichletNormalityScorer(fitted.alphas(), fitted.clipping());

        assertArrayEquals(fitted.score(test), restored.score(test), 0.0);
        assertTrue(restored.fits().isEmpty());
    }

    @Test
    void alphasAreCopiesSoTheScorerCannotBeChangedFromOutside() {
        double[][] alphas = {{2, 1}, {1, 3}};
        DirichletNormalityScorer scorer = new DirichletNormalityScorer(alphas, CLIPPING);
        alphas[0][0] = 100;
        scorer.alphas()[1][1] = 100;
        assertArrayEquals(new double[] {2, 1}, scorer.alphas()[0]);
        assertArrayEquals(new double[] {1, 3}, scorer.alphas()[1]);
    }

    @Test
    void givenATransformationWhoseSoftmaxNeverChanges_thenTheFitIsCappedAndScoresAreFinite() {
        int n = 30;
        float[][] outputs = new float[2][n * 2];
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < n; i++) {
            outputs[0][2 * i] = 0.9f; // the classifier answers the same for every image under T_0
            outputs[0][2 * i + 1] = 0.1f;
            float p = 0.5f + 0.4f * (float) random.nextDouble();
            outputs[1][2 * i] = 1 - p;
            outputs[1][2 * i + 1] = p;
        }

        DirichletNormalityScorer scorer = DirichletNormalityScorer.fit(new TransformedSoftmax(n, outputs));

        assertTrue(scorer.fits().get(0).precisionCapped());
        for (double score : scorer.score(twoImages())) {
            assertTrue(Double.isFinite(score), "score should be finite, got " + score);
        }
    }

    @Test
    void givenOutputsForAnotherNumberOfTransformations_thenScoringSaysSo() {
        DirichletNormalityScorer scorer = new DirichletNormalityScorer(new double[][] {{2, 1}, {1, 3}}, CLIPPING);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> scorer.score(randomSoftmax(3, 5, 1)));
        assertTrue(e.getMessage().contains("3 transformations") && e.getMessage().contains("fitted for 2"), e.getMessage());
    }

    @Test
    void givenANaNSoftmax_thenTheMessageNamesTheImageAndTheTransformation() {
        DirichletNormalityScorer scorer = new DirichletNormalityScorer(new double[][] {{2, 1}, {1, 3}}, CLIPPING);
        TransformedSoftmax outputs = new TransformedSoftmax(2, new float[][] {{0.5f, 0.5f, 0.5f, 0.5f}, {0.5f, 0.5f, Float.NaN, 0.5f}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> scorer.score(outputs));
        assertTrue(e.getMessage().contains("softmax under transformation 1 of image 1"), e.getMessage());

        IllegalArgumentException fit = assertThrows(IllegalArgumentException.class, () -> DirichletNormalityScorer.fit(outputs));
        assertTrue(fit.getMessage().contains("transformation 1") && fit.getMessage().contains("observation 1"), fit.getMessage());
    }

    @Test
    void givenFewerThanTwoTrainingImages_thenTheFitAsksForMore() {
        TransformedSoftmax one = new TransformedSoftmax(1, new float[][] {{0.5f, 0.5f}, {0.5f, 0.5f}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DirichletNormalityScorer.fit(one));
        assertTrue(e.getMessage().contains("at least 2 observations"), e.getMessage());
    }

    @Test
    void givenSavedAlphasOfTheWrongShape_thenTheConstructorSaysWhichTransformation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DirichletNormalityScorer(new double[][] {{2, 1}, {1, 3, 4}}, CLIPPING));
        assertTrue(e.getMessage().contains("transformation 1 have 3 entries"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DirichletNormalityScorer(new double[][] {{2, 1}, {1, -3}}, CLIPPING));
        assertThrows(IllegalArgumentException.class, () -> new DirichletNormalityScorer(new double[][] {{2}}, CLIPPING));
    }

    /** Softmax outputs that favour the true transformation, with noise. */
    static TransformedSoftmax randomSoftmax(int k, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] outputs = new float[k][n * k];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < n; i++) {
                double[] logits = new double[k];
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    logits[c] = random.nextGaussian() + (c == j ? 3 : 0);
                    max = Math.max(max, logits[c]);
                }
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    logits[c] = Math.exp(logits[c] - max);
                    sum += logits[c];
                }
                for (int c = 0; c < k; c++) {
                    outputs[j][i * k + c] = (float) (logits[c] / sum);
                }
            }
        }
        return new TransformedSoftmax(n, outputs);
    }
}
