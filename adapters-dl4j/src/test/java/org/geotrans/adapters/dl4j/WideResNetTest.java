package org.geotrans.adapters.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInitUniform;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.geotrans.domain.image.ImageBatch;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.ClassifierSettings;
import org.junit.jupiter.api.BeforeAll;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WideResNetTest {

    @BeforeAll
    static void backend() {
        Dl4jBackend.ensureInitialised();
    }

    /**
     * Parameters of the reference WRN counted independently (as Keras counts them: BN's moving
     * mean and variance included): 3x3 convs without bias, 1x1 projections where channels change,
     * 4 values per BN channel, a dense layer with bias.
     */
    private static long referenceParameterCount(int depth, int widen, ImageShape shape, int classes) {
        int inChannels = shape.channels();
        // AveragePooling2D(8) then Flatten: (side / 4 / 8)^2 values per channel reach the dense layer;
        // sizes the reference cannot pool that way are pooled globally (one value per channel)
        int lastHeight = (shape.height() + 3) / 4;
        int lastWidth = (shape.width() + 3) / 4;
        long pooled = lastHeight % 8 == 0 && lastWidth % 8 == 0 ? (long) (lastHeight / 8) * (lastWidth / 8) : 1;
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
        return count + 4L * in + in * pooled * classes + classes;
    }

    @ParameterizedTest(name = "WRN-{0}-{1} on {2}, k = {3}")
    @CsvSource({"10, 4, 32x32x3, 72", "16, 8, 32x32x3, 72", "16, 8, 64x64x1, 8", "10, 1, 28x28x1, 4"})
    void theNetworkHasTheReferenceArchitecture(int depth, int widen, String shapeText, int k) {
        ImageShape shape = ImageShape.parse(shapeText);
        ClassifierSettings settings = new ClassifierSettings(depth, widen, 1, 128, 1e-3,
                ClassifierSettings.PAPER_WEIGHT_DECAY, 1);
        NetworkSpec spec = new NetworkSpec(shape, k, settings, Dl4jTuning.DEFAULT);
        ComputationGraphConfiguration conf = WideResNet.configuration(spec);

        long convs = conf.getVertices().values().stream()
                .filter(v -> v instanceof LayerVertex lv && lv.getLayerConf().getLayer() instanceof ConvolutionLayer)
                .count();
        int projections = widen == 1 ? 2 : 3;
        assertEquals(1 + 3 * 2 * settings.blocksPerGroup() + projections, convs, "conv layers");
        conf.getVertices().values().stream()
                .filter(v -> v instanceof LayerVertex lv && lv.getLayerConf().getLayer() instanceof BatchNormalization)
                .map(v -> (BatchNormalization) ((LayerVertex) v).getLayerConf().getLayer())
                .forEach(bn -> {
                    assertEquals(0.9, bn.getDecay(), 1e-12, "BN momentum");
                    assertEquals(1e-5, bn.getEps(), 1e-12, "BN epsilon");
                });
        conf.getVertices().values().stream()
                .filter(v -> v instanceof LayerVertex lv && lv.getLayerConf().getLayer() instanceof ConvolutionLayer)
                .map(v -> (ConvolutionLayer) ((LayerVertex) v).getLayerConf().getLayer())
                .forEach(c -> assertEquals(false, c.hasBias(), "convolutions have no bias"));

        ComputationGraph network = new ComputationGraph(conf);
        network.init();
        assertEquals(referenceParameterCount(depth, widen, shape, k), network.numParams());
    }

    @org.junit.jupiter.api.Test
    void theReferencesDetailsHold_denseUniformInit_kerasAdamEpsilon_l2OnBatchNormGammaAndBeta() {
        ClassifierSettings settings = new ClassifierSettings(10, 1, 1, 128, 1e-3, ClassifierSettings.PAPER_WEIGHT_DECAY, 1);
        ComputationGraphConfiguration conf = WideResNet.configuration(
                new NetworkSpec(new ImageShape(32, 32, 3), 8, settings, Dl4jTuning.DEFAULT));
        var layers = conf.getVertices().values().stream()
                .filter(v -> v instanceof LayerVertex)
                .map(v -> ((LayerVertex) v).getLayerConf().getLayer())
                .toList();
        double expectedL2 = 2 * ClassifierSettings.PAPER_WEIGHT_DECAY;
        long batchNorms = layers.stream().filter(l -> l instanceof BatchNormalization).peek(bn -> {
            for (String param : new String[] {"gamma", "beta"}) {
                var regularization = bn.getRegularizationByParam(param);
                assertEquals(1, regularization == null ? 0 : regularization.size(), param + " is penalised");
                assertEquals(expectedL2, ((L2Regularization) regularization.get(0)).getL2().valueAt(0, 0), 1e-15);
            }
            assertEquals(null, bn.getRegularizationByParam("mean"), "running statistics are not penalised");
        }).count();
        assertEquals(3 * 2 * settings.blocksPerGroup() + 1, batchNorms, "two per block and the final one");
        OutputLayer dense = (OutputLayer) layers.stream().filter(l -> l instanceof OutputLayer).findFirst().orElseThrow();
        assertEquals(new WeightInitUniform(), dense.getWeightInitFn(), "U(-1/sqrt(fan_in), 1/sqrt(fan_in))");
        Adam adam = (Adam) dense.getIUpdater();
        assertEquals(1e-7, adam.getEpsilon(), 0);
        assertEquals(1e-3, adam.getLearningRate(), 0);
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"32x32x3, NCHW", "64x64x1, NCHW", "28x28x1, NHWC", "33x17x3, NCHW"})
    void anyInputSizeGivesOneSoftmaxRowPerImage(String shapeText, CNN2DFormat format) {
        ImageShape shape = ImageShape.parse(shapeText);
        Dl4jTransformationClassifier classifier = new Dl4jTransformationClassifierProvider(
                Dl4jTuning.DEFAULT.withFormat(format).withInferenceBatch(4)).untrained(TestData.tinySpec(shape, 5, format));
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

    @org.junit.jupiter.api.Test
    void givenTheSameWeights_thenNchwAndNhwcNetworksAgree_soInferenceMayUseEitherLayout() {
        ImageShape shape = new ImageShape(12, 12, 3);
        Dl4jTransformationClassifierProvider provider = new Dl4jTransformationClassifierProvider(
                Dl4jTuning.DEFAULT.withFormats(CNN2DFormat.NCHW, CNN2DFormat.NCHW));
        Dl4jTransformationClassifier nchw = provider.untrained(TestData.tinySpec(shape, 4, CNN2DFormat.NCHW));
        Dl4jTransformationClassifier nhwc = new Dl4jTransformationClassifier(nchw.network(),
                new NetworkSpec(shape, 4, nchw.spec().settings(),
                        Dl4jTuning.DEFAULT.withFormats(CNN2DFormat.NCHW, CNN2DFormat.NHWC)), "test");
        ImageBatch batch = TestData.randomBatch(shape, 6, 2);

        assertArrayEquals(nchw.predictSoftmax(batch), nhwc.predictSoftmax(batch), 1e-5f);
    }

    @ParameterizedTest(name = "seed {0}")
    @CsvSource({"0", "1", "-1", "-7046029254386353131"})
    void givenTheSameSeed_thenTheInitialWeightsAreTheSame_evenForSeedZero(long seed) {
        NetworkSpec spec = new NetworkSpec(new ImageShape(8, 8, 1), 4,
                new ClassifierSettings(10, 1, 1, 32, 1e-3, 0, seed), Dl4jTuning.DEFAULT);

        INDArray first = WideResNet.create(spec).params();
        INDArray second = WideResNet.create(spec).params();

        assertEquals(first, second, "two networks built with seed " + seed);
        assertNotEquals(0, WideResNet.nd4jSeed(seed), "ND4J takes seed 0 as 'random'");
    }

    @org.junit.jupiter.api.Test
    void givenDifferentSeeds_thenTheInitialWeightsDiffer() {
        ImageShape shape = new ImageShape(8, 8, 1);
        INDArray zero = WideResNet.create(new NetworkSpec(shape, 4,
                new ClassifierSettings(10, 1, 1, 32, 1e-3, 0, 0), Dl4jTuning.DEFAULT)).params();
        INDArray one = WideResNet.create(new NetworkSpec(shape, 4,
                new ClassifierSettings(10, 1, 1, 32, 1e-3, 0, 1), Dl4jTuning.DEFAULT)).params();

        assertNotEquals(zero, one);
    }
}
