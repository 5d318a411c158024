package org.geotrans.adapters.baselines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.BaselineTraining;
import org.geotrans.domain.port.NetworkWeights;
import org.junit.jupiter.api.Test;

/** Large images make the baselines' networks large: they are refused before DL4J allocates the weights. */
class NetworkWeightsBoundTest {
    private static final BaselineTraining TRAINING = new BaselineTraining(1, 16, 1e-3, 0, 1);

    @Test
    void deepSvddOn4096PixelSidesIsRefusedWithItsWeights() {
        // the dense layer maps 128 x 512 x 512 activations onto 128, beside the convolutions and batch norm statistics
        ImageShape large = new ImageShape(4096, 4096, 1);
        long weights = 128L * 512 * 512 * 128 + 25L * (32 + 32 * 64 + 64 * 128) + 2 * (32 + 64 + 128);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MinibatchTraining.initialised(
                "Deep SVDD's network for " + large + " images", DeepSvddNetwork.configuration(large, TRAINING)));
        assertTrue(e.getMessage().startsWith(String.format(java.util.Locale.ROOT,
                "Deep SVDD's network for 4096x4096x1 images would have %,d weights", weights)), e.getMessage());
        assertTrue(e.getMessage().endsWith(": use smaller images"), e.getMessage());
    }

    @Test
    void thePaperSizedNetworksAreBuilt() {
        ImageShape cifar = new ImageShape(32, 32, 3);
        // the kernels, and batch norm's running mean and variance, which DL4J keeps among the parameters
        assertEquals(25L * (3 * 32 + 32 * 64 + 64 * 128) + 128L * 16 * 128 + 2 * (32 + 64 + 128),
                MinibatchTraining.initialised("Deep SVDD", DeepSvddNetwork.configuration(cifar, TRAINING)).numParams());
        assertTrue(MinibatchTraining.initialised("CAE", ConvAutoencoder.configuration(cifar, TRAINING)).numParams() > 0);
    }

    @Test
    void theLargestSidesTheWekaDocsGiveAreTheLargestTaken() {
        assertTrue(MinibatchTraining.weights(DeepSvddNetwork.configuration(new ImageShape(880, 880, 3), TRAINING))
                <= NetworkWeights.MAX);
        assertTrue(MinibatchTraining.weights(DeepSvddNetwork.configuration(new ImageShape(888, 888, 3), TRAINING))
                > NetworkWeights.MAX);
        assertTrue(MinibatchTraining.weights(ConvAutoencoder.configuration(new ImageShape(512, 512, 3), TRAINING))
                <= NetworkWeights.MAX);
        assertTrue(MinibatchTraining.weights(ConvAutoencoder.configuration(new ImageShape(1024, 1024, 3), TRAINING))
                > NetworkWeights.MAX);
    }

    @Test
    void aParameterStoreCountsEveryWeightItIsAskedFor() {
        ParameterStore store = new ParameterStore(0);
        store.kernel("small", 10, 10, 10, 10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> store.kernel("dense", 1 << 20, 256, 1 << 20, 256));
        assertTrue(e.getMessage().startsWith("this network, by its weight 'dense', would have 268,435,556 weights"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> store.filled("bias", 0, 1L << 32, 1L << 32));
    }
}
