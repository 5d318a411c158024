package org.geotrans.adapters.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNBatchNormHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.geotrans.domain.image.ImageBatch;
import org.geotrans.domain.image.ImageShape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The oneDNN fix: helpers really attached, and the same numbers as DL4J's stock code. */
class OneDnnHelpersTest {
    private static final ImageShape SHAPE = new ImageShape(16, 16, 3);
    private static final NetworkSpec SPEC = TestData.tinySpec(SHAPE, 4, CNN2DFormat.NCHW);

    @BeforeAll
    static void backend() {
        Dl4jBackend.Info info = Dl4jBackend.ensureInitialised();
        assertTrue(info.oneDnnNatives(), info.description());
        assertTrue(info.layerHelpers(), info.description());
    }

    private static List<Layer> layers(ComputationGraph network, Class<?> type) {
        List<Layer> found = new ArrayList<>();
        for (Layer layer : network.getLayers()) {
            if (type.isInstance(layer)) {
                found.add(layer);
            }
        }
        return found;
    }

    @Test
    void givenTheProvider_thenEveryConvAndBatchNormLayerRunsOnOneDnn_evenAfterTraining() {
        ComputationGraph network = new Dl4jTransformationClassifierProvider().untrained(SPEC).network();
        INDArray[] batch = batch(8);
        network.fit(new INDArray[] {batch[0]}, new INDArray[] {batch[1]});

        List<Layer> convs = layers(network, ConvolutionLayer.class);
        List<Layer> norms = layers(network, BatchNormalization.class);
        assertEquals(9, convs.size(), "WRN-10-1: stem, 6 block convs, 2 projections");
        assertEquals(7, norms.size(), "WRN-10-1: 2 per block and the final one");
        // a helper that fails at run time is dropped by DL4J, so checking after a step matters
        convs.forEach(l -> assertInstanceOf(MKLDNNConvHelper.class, l.getHelper(), l.conf().getLayer().getLayerName()));
        norms.forEach(l -> assertInstanceOf(MKLDNNBatchNormHelper.class, l.getHelper(), l.conf().getLayer().getLayerName()));
    }

    @Test
    void givenTheSameWeights_thenOneDnnAndStockPathsGiveTheSameOutputsAndTrainingStep() {
        ComputationGraph fast = WideResNet.create(SPEC);
        ComputationGraph stock = Dl4jBackend.withLayerHelpers(false, () -> WideResNet.create(SPEC));
        layers(stock, ConvolutionLayer.class).forEach(l -> assertNull(l.getHelper()));
        stock.setParams(fast.params().dup());

        INDArray[] batch = batch(16);
        assertClose(stock.outputSingle(batch[0]), fast.outputSingle(batch[0]), 1e-4);

        fast.fit(new INDArray[] {batch[0]}, new INDArray[] {batch[1]});
        stock.fit(new INDArray[] {batch[0]}, new INDArray[] {batch[1]});
        assertEquals(stock.score(), fast.score(), 1e-4, "training loss");
        assertClose(stock.params(), fast.params(), 1e-3);
        assertClose(stock.outputSingle(batch[0]), fast.outputSingle(batch[0]), 1e-3);
    }

    private static void assertClose(INDArray expected, INDArray actual, double tolerance) {
        double diff = expected.sub(actual).amaxNumber().doubleValue();
        assertTrue(diff <= tolerance, "largest difference " + diff + " exceeds " + tolerance);
    }

    private static INDArray[] batch(int count) {
        ImageBatch images = TestData.randomBatch(SHAPE, count, 11);
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % 4;
        }
        return new INDArray[] {NdArrays.features(images, 0, count, CNN2DFormat.NCHW), NdArrays.oneHot(labels, 4)};
    }
}
