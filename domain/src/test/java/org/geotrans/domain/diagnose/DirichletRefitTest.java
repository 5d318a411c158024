package org.geotrans.domain.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.geotrans.domain.dirichlet.DirichletFitOptions;
import org.geotrans.domain.dirichlet.DirichletSampler;
import org.geotrans.domain.dirichlet.SimplexClipping;
import org.geotrans.domain.metrics.RankingMetrics;
import org.geotrans.domain.score.DirichletNormalityScorer;
import org.geotrans.domain.score.SimplifiedNormalityScorer;
import org.geotrans.domain.score.TransformedSoftmax;
import org.junit.jupiter.api.Test;

class DirichletRefitTest {
    private static final int NORMALS = 400;
    private static final int ANOMALIES = 300;

    /**
     * Two transformations. Normal images: the right transformation at about 0.75; anomalies: at
     * about 0.55. The model's Dirichlets peak at 0.62, between the two (as a fit on other data
     * might), so they rank anomalies above normal images; a refit on normal images does not.
     */
    private static TransformedSoftmax outputs() {
        DirichletSampler sampler = new DirichletSampler(7);
        int n = NORMALS + ANOMALIES;
        float[][] by = new float[2][n * 2];
        for (int j = 0; j < 2; j++) {
            for (int i = 0; i < n; i++) {
                double[] p = sampler.sample(i < NORMALS ? new double[] {12, 4} : new double[] {11, 9});
                by[j][i * 2 + j] = (float) p[0];
                by[j][i * 2 + 1 - j] = 1f - (float) p[0];
            }
        }
        return new TransformedSoftmax(n, by);
    }

    private static boolean[] normal() {
        boolean[] normal = new boolean[NORMALS + ANOMALIES];
        java.util.Arrays.fill(normal, 0, NORMALS, true);
        return normal;
    }

    private static final DirichletNormalityScorer MODEL =
            new DirichletNormalityScorer(new double[][] {{500, 300}, {300, 500}}, SimplexClipping.defaults());

    @Test
    void aRefitOnNormalImagesIsMeasuredOnTheOthersAgainstTheModelsFit() {
        TransformedSoftmax outputs = outputs();
        DirichletRefit r = DirichletRefit.of(MODEL, outputs, normal(), 0.25, 3, DirichletFitOptions.defaults());

        assertEquals(100, r.fittedOn());
        assertEquals(300, r.normalEvaluated());
        assertEquals(ANOMALIES, r.anomalousEvaluated());
        assertTrue(r.modelDirichletAuroc() < 0.4, "the mismatched model ranks anomalies first: " + r);
        assertTrue(r.refitDirichletAuroc() > 0.75, "the refit ranks normal images first: " + r);
        // the simplified score, on 300 of the 400 normal images, is close to its value on all of them
        double onAll = RankingMetrics.auroc(new SimplifiedNormalityScorer().score(outputs), normal());
        assertEquals(onAll, r.simplifiedAuroc(), 0.03);
        assertTrue(r.simplifiedAuroc() != onAll, "measured on a subset, not on every image");
    }

    @Test
    void theSameSeedDrawsTheSameImages() {
        TransformedSoftmax outputs = outputs();
        DirichletRefit a = DirichletRefit.of(MODEL, outputs, normal(), 0.5, 11, DirichletFitOptions.defaults());
        DirichletRefit b = DirichletRefit.of(MODEL, outputs, normal(), 0.5, 11, DirichletFitOptions.defaults());
        DirichletRefit c = DirichletRefit.of(MODEL, outputs, normal(), 0.5, 12, DirichletFitOptions.defaults());
        assertEquals(a, b);
        assertTrue(a.refitDirichletAuroc() != c.refitDirichletAuroc(), "another seed, other images: " + a + " " + c);
    }

    @Test
    void sharesThatLeaveTooFewImagesOrNoAnomaliesAreRefused() {
        TransformedSoftmax outputs = outputs();
        DirichletFitOptions options = DirichletFitOptions.defaults();
        for (double share : new double[] {0, 1, -0.1, Double.NaN, 0.001, 0.999}) {
            assertThrows(IllegalArgumentException.class, () -> DirichletRefit.of(MODEL, outputs, normal(), share, 0, options),
                    "share " + share);
        }
        boolean[] allNormal = new boolean[NORMALS + ANOMALIES];
        java.util.Arrays.fill(allNormal, true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DirichletRefit.of(MODEL, outputs, allNormal, 0.5, 0, options));
        assertTrue(e.getMessage().contains("no anomalous images"), e.getMessage());
    }

    @Test
    void aSubsetKeepsTheChosenImagesOutputsInOrder() {
        TransformedSoftmax outputs = outputs();
        TransformedSoftmax picked = outputs.subset(new int[] {5, 2});
        assertEquals(2, picked.imageCount());
        for (int j = 0; j < 2; j++) {
            for (int c = 0; c < 2; c++) {
                assertEquals(outputs.get(j, 5, c), picked.get(j, 0, c));
                assertEquals(outputs.get(j, 2, c), picked.get(j, 1, c));
            }
        }
        assertThrows(IndexOutOfBoundsException.class, () -> outputs.subset(new int[] {NORMALS + ANOMALIES}));
    }
}
