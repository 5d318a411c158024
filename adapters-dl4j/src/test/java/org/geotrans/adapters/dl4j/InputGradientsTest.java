package org.geotrans.adapters.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.geotrans.domain.image.ImageBatch;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.InputGradients;
import org.geotrans.domain.port.InputGradientsCheck;
import org.geotrans.domain.port.TransformationClassifier;
import org.geotrans.domain.training.ShuffledPairBatches;
import org.geotrans.domain.training.TransformedImages;
import org.geotrans.domain.transform.TransformationSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InputGradientsTest {
    private static final ImageShape SHAPE = new ImageShape(16, 16, 1);
    private static final TransformationSet ROTATIONS = TransformationSet.parse("identity;rot90;rot180;rot270", SHAPE);

    private static TransformationClassifier trained;

    @BeforeAll
    static void trainOnce() {
        // two epochs move batch normalisation's running statistics well away from their start
        ShuffledPairBatches data = new ShuffledPairBatches(
                new TransformedImages(TestData.randomImages(SHAPE, 24, 5), ROTATIONS), 32, 17);
        trained = new Dl4jTransformationClassifierProvider().train(data, TestData.tinySettings(2, 17), p -> { });
    }

    @Test
    void theFoldedNetworkPredictsAsTheTrainedOne() {
        ImageBatch probe = TestData.randomBatch(SHAPE, 6, 99);
        Dl4jTransformationClassifier dl4j = (Dl4jTransformationClassifier) trained;
        float[] expected = trained.predictSoftmax(probe);
        float[] folded = FoldedNormalization.of(dl4j.network(), dl4j.spec()).softmax(probe);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], folded[i], 2e-4, "softmax entry " + i);
        }
    }

    @Test
    void givenAnImage_thenTheGradientMatchesFiniteDifferencesOfTheSoftmax() {
        assertInstanceOf(InputGradients.class, trained);
        InputGradientsCheck.assertMatchesFiniteDifferences((Dl4jTransformationClassifier) trained,
                TestData.randomBatch(SHAPE, 2, 7), new int[] {2, 0});
    }

    @Test
    void aClassCountOtherThanTheImageCountIsRefused() {
        ImageBatch one = TestData.randomBatch(SHAPE, 2, 7);
        assertThrows(IllegalArgumentException.class, () -> ((InputGradients) trained).softmaxGradient(one, new int[] {1}));
    }
}
