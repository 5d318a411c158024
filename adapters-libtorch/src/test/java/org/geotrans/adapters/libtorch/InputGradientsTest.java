package org.geotrans.adapters.libtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.geotrans.domain.image.ImageBatch;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.InputGradients;
import org.geotrans.domain.port.InputGradientsCheck;
import org.geotrans.domain.training.ShuffledPairBatches;
import org.geotrans.domain.training.TransformedImages;
import org.geotrans.domain.transform.TransformationSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** libtorch's input gradient (what `geotrans ascend` needs) against finite differences of its own softmax, in fp32. */
class InputGradientsTest {
    private static final ImageShape SHAPE = new ImageShape(16, 16, 1);
    private static final TransformationSet ROTATIONS = TransformationSet.parse("identity;rot90;rot180;rot270", SHAPE);

    private static LibtorchTransformationClassifier trained;

    @BeforeAll
    static void trainOnce() {
        // two epochs move batch normalisation's running statistics well away from their start
        ShuffledPairBatches data = new ShuffledPairBatches(
                new TransformedImages(TestData.randomImages(SHAPE, 24, 5), ROTATIONS), 32, 17);
        trained = (LibtorchTransformationClassifier) new LibtorchTransformationClassifierProvider(
                LibtorchTuning.of(Precision.FP32)).train(data, TestData.tinySettings(2, 17), p -> { });
    }

    @Test
    void givenAnImage_thenTheGradientMatchesFiniteDifferencesOfTheSoftmax() {
        assertInstanceOf(InputGradients.class, trained);
        InputGradientsCheck.assertMatchesFiniteDifferences(trained, TestData.randomBatch(SHAPE, 2, 7), new int[] {2, 0});
    }

    @Test
    void theWeightsGradientBuffersAreLeftAsTheyWere() {
        java.util.Map<String, float[]> before = gradientBuffers();
        trained.softmaxGradient(TestData.randomBatch(SHAPE, 3, 8), new int[] {0, 1, 3});
        java.util.Map<String, float[]> after = gradientBuffers();
        assertEquals(before.keySet(), after.keySet());
        before.forEach((name, values) -> assertArrayEquals(values, after.get(name), name));
        for (WideResNet.Entry e : trained.network().trainable()) {
            assertTrue(e.tensor().requires_grad(), e.name() + " no longer records gradients");
        }
    }

    private static java.util.Map<String, float[]> gradientBuffers() {
        java.util.Map<String, float[]> out = new java.util.TreeMap<>();
        for (WideResNet.Entry e : trained.network().trainable()) {
            if (e.tensor().grad().defined()) {
                out.put(e.name(), Tensors.values(e.tensor().grad()));
            }
        }
        return out;
    }

    @Test
    void aClassCountOtherThanTheImageCountOrAClassOutOfRangeIsRefused() {
        ImageBatch two = TestData.randomBatch(SHAPE, 2, 7);
        assertThrows(IllegalArgumentException.class, () -> trained.softmaxGradient(two, new int[] {1}));
        assertThrows(IllegalArgumentException.class, () -> trained.softmaxGradient(two, new int[] {1, 4}));
    }
}
