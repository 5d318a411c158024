package org.geotrans.adapters.libtorch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.geotrans.domain.image.ImageBatch;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.ClassifierSettings;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.training.ShuffledPairBatches;
import org.geotrans.domain.training.TransformedImages;
import org.geotrans.domain.transform.TransformationSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class WideResNetTest {

    /**
     * Parameters of the reference WRN counted independently (as Keras and DL4J count them: BN's
     * moving mean and variance included): 3x3 convs without bias, 1x1 projections where channels
     * change, 4 values per BN channel, a dense layer with bias.
     */
    private static long referenceParameterCount(int depth, int widen, ImageShape shape, int classes) {
        int inChannels = shape.channels();
        int n = (depth - 4) / 6;
        long count = 9L * inChannels * 16;
        int in = 16;
        for (int out : new int[] {16 * widen, 32 * widen, 64 * widen}) {
            for (int b = 0; b < n; b++) {
                count += 4L * in + 9L * in * out + 4L * out + 9L * out * out;
                if (in != out) {
                    count += (long) in * out;
                }
                in = out;
            }
        }
        // Keras' AveragePooling2D(8) then Flatten: the last maps' sides are the input's halved twice
        int lastHeight = (shape.height() + 3) / 4;
        int lastWidth = (shape.width() + 3) / 4;
        long cells = lastHeight % 8 == 0 && lastWidth % 8 == 0 ? (lastHeight / 8) * (lastWidth / 8) : 1;
        return count + 4L * in + in * cells * classes + classes;
    }

    private static NetworkSpec spec(String shape, int classes, int depth, int widen, long seed) {
        return new NetworkSpec(ImageShape.parse(shape), classes,
                new ClassifierSettings(depth, widen, 1, 32, 1e-3, ClassifierSettings.PAPER_WEIGHT_DECAY, seed));
    }

    @ParameterizedTest(name = "WRN-{0}-{1} on {2}, k = {3}")
    @CsvSource({"10, 4, 32x32x3, 72", "16, 8, 32x32x3, 72", "16, 8, 64x64x1, 8", "10, 1, 28x28x1, 4"})
    void theNetworkHasTheReferenceArchitecture(int depth, int widen, String shape, int k) {
        try (WideResNet network = new WideResNet(spec(shape, k, depth, widen, 1))) {
            long all = network.entries().stream().mapToLong(e -> e.tensor().numel()).sum();
            assertEquals(referenceParameterCount(depth, widen, ImageShape.parse(shape), k), all);
            long convs = network.entries().stream().filter(e -> e.kind() == WideResNet.Kind.CONV_KERNEL).count();
            int projections = widen == 1 ? 2 : 3;
            assertEquals(1 + 3 * 2 * ((depth - 4) / 6) + projections, convs, "conv layers");
            long runningStats = network.entries().stream().filter(e -> !e.kind().trainable())
                    .mapToLong(e -> e.tensor().numel()).sum();
            assertEquals(all - runningStats, network.parameterCount(), "trainable = all but BN's running statistics");
        }
    }

    @Test
    void theInitialisationFollowsTheReference() {
        try (WideResNet network = new WideResNet(spec("32x32x3", 72, 10, 4, 3))) {
            for (WideResNet.Entry e : network.entries()) {
                float[] v = Tensors.values(e.tensor());
                switch (e.kind()) {
                    case CONV_KERNEL -> {
                        long fanIn = e.shape()[1] * e.shape()[2] * e.shape()[3];
                        double sd = Math.sqrt(Arrays.stream(toDouble(v)).map(x -> x * x).average().orElseThrow());
                        assertEquals(Math.sqrt(2.0 / fanIn), sd, 0.15 * Math.sqrt(2.0 / fanIn), e.name() + ": He normal");
                    }
                    case DENSE_KERNEL -> {
                        double bound = 1 / Math.sqrt(e.shape()[1]);
                        double max = Arrays.stream(toDouble(v)).map(Math::abs).max().orElseThrow();
                        assertTrue(max <= bound && max > 0.9 * bound, e.name() + ": U(-1/sqrt(fan_in), 1/sqrt(fan_in))");
                    }
                    case BN_GAMMA, BN_VAR -> assertTrue(allEqual(v, 1f), e.name());
                    case BN_BETA, BN_MEAN, DENSE_BIAS -> assertTrue(allEqual(v, 0f), e.name());
                    default -> throw new AssertionError(e.kind());
                }
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @CsvSource({"0", "1", "-1"})
    void givenTheSameSeed_thenTheInitialWeightsAreTheSame(long seed) {
        try (WideResNet first = new WideResNet(spec("8x8x1", 4, 10, 1, seed));
             WideResNet second = new WideResNet(spec("8x8x1", 4, 10, 1, seed));
             WideResNet other = new WideResNet(spec("8x8x1", 4, 10, 1, seed + 1))) {
            for (int i = 0; i < first.entries().size(); i++) {
                assertArrayEquals(Tensors.values(first.entries().get(i).tensor()), Tensors.values(second.entries().get(i).tensor()));
            }
            assertFalse(Arrays.equals(Tensors.values(first.entries().get(0).tensor()),
                    Tensors.values(other.entries().get(0).tensor())));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"32x32x3", "64x64x1", "28x28x1", "33x17x3"})
    void anyInputSizeGivesOneSoftmaxRowPerImage(String shapeText) {
        ImageShape shape = ImageShape.parse(shapeText);
        LibtorchTransformationClassifier classifier = new LibtorchTransformationClassifierProvider(
                LibtorchTuning.of(Precision.FP32).withInferenceBatch(4)).untrained(spec(shapeText, 5, 10, 1, 3));
        ImageBatch batch = TestData.randomBatch(shape, 10, 1);

        float[] softmax = classifier.predictSoftmax(batch);

        assertEquals(10 * 5, softmax.length);
        for (int i = 0; i < 10; i++) {
            double sum = 0;
            for (int j = 0; j < 5; j++) {
                sum += softmax[i * 5 + j];
            }
            assertEquals(1.0, sum, 1e-5, "row " + i);
        }
        // chunking (inference batch 4) must not change a row
        float[] single = classifier.predictSoftmax(new ImageBatch(shape, 1,
                Arrays.copyOfRange(batch.data(), 7 * shape.size(), 8 * shape.size())));
        assertArrayEquals(Arrays.copyOfRange(softmax, 35, 40), single, 1e-5f);
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void bf16AndFp32PredictionsOfTheSameWeightsAreClose(Precision unused) {
        ImageShape shape = new ImageShape(16, 16, 3);
        LibtorchTransformationClassifier fp32 = new LibtorchTransformationClassifierProvider(
                LibtorchTuning.of(Precision.FP32)).untrained(spec("16x16x3", 4, 10, 1, 5));
        LibtorchTransformationClassifier bf16 = new LibtorchTransformationClassifier(fp32.network(),
                LibtorchTuning.of(Precision.BF16));
        ImageBatch batch = TestData.randomBatch(shape, 8, 4);

        assertArrayEquals(fp32.predictSoftmax(batch), bf16.predictSoftmax(batch), 0.02f);
    }

    @Test
    void givenImagesOfAnotherShape_thenPredictionSaysBoth() {
        LibtorchTransformationClassifier classifier = new LibtorchTransformationClassifierProvider()
                .untrained(spec("16x16x1", 4, 10, 1, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> classifier.predictSoftmax(TestData.randomBatch(new ImageShape(16, 16, 3), 2, 1)));
        assertTrue(e.getMessage().contains("16x16x3") && e.getMessage().contains("16x16x1"), e.getMessage());
    }

    @Test
    void givenTrainingDataOfAnotherShapeOrClassCount_thenTheTrainerSaysBoth() {
        ImageShape shape = new ImageShape(8, 8, 1);
        ShuffledPairBatches rotations = new ShuffledPairBatches(new TransformedImages(TestData.randomImages(shape, 4, 1),
                TransformationSet.parse("identity;rot90;rot180;rot270", shape)), 8, 1);
        try (WideResNet wrongClasses = new WideResNet(spec("8x8x1", 8, 10, 1, 1));
             WideResNet wrongShape = new WideResNet(spec("9x9x1", 4, 10, 1, 1))) {
            IllegalArgumentException classes = assertThrows(IllegalArgumentException.class,
                    () -> new LibtorchTrainer(wrongClasses, LibtorchTuning.defaults(), ProgressListener.SILENT).train(rotations, 1));
            assertTrue(classes.getMessage().contains("4 transformations, the network expects 8"), classes.getMessage());
            IllegalArgumentException shapes = assertThrows(IllegalArgumentException.class,
                    () -> new LibtorchTrainer(wrongShape, LibtorchTuning.defaults(), ProgressListener.SILENT).train(rotations, 1));
            assertTrue(shapes.getMessage().contains("8x8x1, the network expects 9x9x1"), shapes.getMessage());
        }
    }

    @Test
    void givenInputsThatOverflow_thenTrainingStopsWithAClearMessage() {
        // learning rates are bounded by the settings now, so the loss is made non-finite through the
        // data: pixels near fp32's largest value overflow the first convolution, and batch norm
        // turns the infinities into NaN
        ImageShape shape = new ImageShape(8, 8, 1);
        java.util.List<org.geotrans.domain.image.Image> huge = new java.util.ArrayList<>();
        for (int i = 0; i < 64; i++) {
            float[] values = new float[shape.size()];
            java.util.Arrays.fill(values, (i % 2 == 0 ? 1 : -1) * Float.MAX_VALUE / 2);
            huge.add(new org.geotrans.domain.image.Image(shape, values));
        }
        ShuffledPairBatches data = new ShuffledPairBatches(new TransformedImages(huge,
                TransformationSet.parse("identity;rot90;rot180;rot270", shape)), 16, 1);
        ClassifierSettings settings = new ClassifierSettings(10, 1, 3, 16, 1e-3, 0, 1);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new LibtorchTransformationClassifierProvider(LibtorchTuning.of(Precision.FP32))
                        .train(data, settings, ProgressListener.SILENT));
        assertTrue(e.getMessage().startsWith("training diverged: loss is"), e.getMessage());
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    private static boolean allEqual(float[] v, float value) {
        for (float x : v) {
            if (x != value) {
                return false;
            }
        }
        return true;
    }
}
