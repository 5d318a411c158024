package org.geotrans.domain.diagnose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.geotrans.domain.dirichlet.SimplexClipping;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.score.DirichletNormalityScorer;
import org.geotrans.domain.score.TransformedSoftmax;
import org.geotrans.domain.transform.TransformationSet;
import org.junit.jupiter.api.Test;

class TransformationDiagnosticsTest {
    private static final TransformationSet SET = TransformationSet.parse("identity;flip", new ImageShape(4, 4, 1));
    private static final DirichletNormalityScorer DIRICHLET =
            new DirichletNormalityScorer(new double[][] {{5, 1}, {1, 5}}, SimplexClipping.defaults());

    /**
     * Four images: two normal, two anomalous. The identity is recognised on every image (it
     * cannot tell them apart); the flip is recognised on the normal images only.
     */
    private static TransformedSoftmax outputs() {
        float[] identity = {0.9f, 0.1f, 0.8f, 0.2f, 0.9f, 0.1f, 0.8f, 0.2f};
        float[] flip = {0.1f, 0.9f, 0.4f, 0.6f, 0.7f, 0.3f, 0.8f, 0.2f};
        return new TransformedSoftmax(4, new float[][] {identity, flip});
    }

    private static final boolean[] NORMAL = {true, true, false, false};

    @Test
    void givenLabelledOutputs_thenAccuracyConfusionAndAurocsAreThoseOfEachTransformation() {
        TransformationDiagnostics d = TransformationDiagnostics.of(SET, DIRICHLET, outputs(), NORMAL);

        assertEquals(2, d.normalImages());
        assertEquals(2, d.anomalousImages());
        assertArrayEquals(new double[] {1, 0}, d.confusion()[0], 1e-12);
        assertArrayEquals(new double[] {0, 1}, d.confusion()[1], 1e-12);
        TransformationDiagnosis identity = d.transformations().get(0);
        TransformationDiagnosis flip = d.transformations().get(1);
        assertEquals("identity", identity.label());
        assertEquals("flip", flip.label());
        assertEquals(1.0, identity.accuracy());
        assertEquals(1.0, flip.accuracy());
        // identity's outputs are the same for normal and anomalous images: no separation at all
        assertEquals(0.5, identity.dirichletAuroc(), 1e-12);
        assertEquals(0.5, identity.simplifiedAuroc(), 1e-12);
        assertEquals(1.0, flip.dirichletAuroc(), 1e-12);
        assertEquals(1.0, flip.simplifiedAuroc(), 1e-12);
        assertEquals(0.0, identity.separationShare(), 1e-12);
        assertEquals(1.0, flip.separationShare(), 1e-12);
        assertEquals(1.0, identity.scoreShare() + flip.scoreShare(), 1e-12);
        assertEquals(1.0, d.dirichletAuroc(), 1e-12);
    }

    @Test
    void theDirichletScoreSplitsIntoTheOwnProbabilitiesAndTheTails() {
        // alpha above 1 off the diagonal: the tail term 2 log y_other grows with the other
        // probability, so it ranks the anomalies (whose flips are taken for the identity) high:
        // sums -9.21, -5.05 (normal) against -5.31, -3.67, three of the four pairs the wrong way
        DirichletNormalityScorer tailHeavy =
                new DirichletNormalityScorer(new double[][] {{5, 3}, {3, 5}}, SimplexClipping.defaults());
        TransformationDiagnostics d = TransformationDiagnostics.of(SET, tailHeavy, outputs(), NORMAL);
        assertEquals(1.0, d.dirichletOwnAuroc(), 1e-12);
        assertEquals(0.25, d.dirichletTailAuroc(), 1e-12);

        // alpha 1 off the diagonal: the tails contribute nothing at all
        TransformationDiagnostics plain = TransformationDiagnostics.of(SET, DIRICHLET, outputs(), NORMAL);
        assertEquals(1.0, plain.dirichletOwnAuroc(), 1e-12);
        assertEquals(0.5, plain.dirichletTailAuroc(), 1e-12);
        double[][] terms = DIRICHLET.terms(outputs());
        double[][] own = DIRICHLET.ownTerms(outputs());
        for (int j = 0; j < 2; j++) {
            assertArrayEquals(terms[j], own[j], 1e-12);
        }
    }

    @Test
    void givenNormalImagesOnly_thenTheAurocsAndSeparationAreUnknown() {
        TransformationDiagnostics d = TransformationDiagnostics.of(SET, DIRICHLET, outputs(), new boolean[] {true, true, true, true});
        assertTrue(Double.isNaN(d.dirichletAuroc()));
        assertTrue(Double.isNaN(d.dirichletOwnAuroc()));
        assertTrue(Double.isNaN(d.dirichletTailAuroc()));
        assertTrue(Double.isNaN(d.transformations().get(1).dirichletAuroc()));
        assertTrue(Double.isNaN(d.transformations().get(1).separationShare()));
        assertEquals(0.5, d.transformations().get(1).accuracy(), 1e-12, "the last two images' flips are taken for the identity");
    }

    @Test
    void withoutNormalImagesTheDiagnosticsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> TransformationDiagnostics.of(SET, DIRICHLET, outputs(), new boolean[4]));
    }
}
