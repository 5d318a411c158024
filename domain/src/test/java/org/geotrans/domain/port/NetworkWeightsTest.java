package org.geotrans.domain.port;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.geotrans.domain.image.ImageShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The weights bound every network is checked against before it is allocated. */
class NetworkWeightsTest {
    private static final ClassifierSettings WRN_10_4 = new ClassifierSettings(10, 4, 3, 128, 1e-3, 0, 0);

    @Test
    void theBoundAndWhatItRefusesAreNamed() {
        assertDoesNotThrow(() -> NetworkWeights.check("a network", NetworkWeights.MAX, "use smaller images"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetworkWeights.check("a network", NetworkWeights.MAX + 1, "use smaller images"));
        assertEquals("a network would have 200,000,001 weights; at most 200,000,000 are allowed (4 bytes each, and"
                + " training keeps 3 more copies): use smaller images", e.getMessage());
    }

    @Test
    void aProductThatOverflowsCountsAsTooMany() {
        assertEquals(1L << 40, NetworkWeights.product(1 << 20, 1 << 20));
        assertEquals(-1, NetworkWeights.product(1L << 32, 1L << 32));
        assertEquals(-1, NetworkWeights.product(-1, -1), "a negative dimension is no size");
        assertEquals(-1, NetworkWeights.plus(Long.MAX_VALUE, 1));
        assertEquals(-1, NetworkWeights.plus(NetworkWeights.plus(Long.MAX_VALUE, 1), 5), "an overflow is not forgotten");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetworkWeights.check("x", NetworkWeights.product(1L << 32, 1L << 32), ""));
        assertEquals("x would have more than 2^63 weights; at most 200,000,000 are allowed (4 bytes each, and training"
                + " keeps 3 more copies)", e.getMessage());
    }

    @Test
    void theWideResNetsOutputsAndInputChannelsCountAsAModelFileCanNameAnyNumber() {
        assertDoesNotThrow(() -> WRN_10_4.checkNetwork(new ImageShape(32, 32, 3), 72));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WRN_10_4.checkNetwork(new ImageShape(32, 32, 3), 1_000_000));
        assertTrue(e.getMessage().startsWith("WRN-10-4 for 32x32x3 images and 1,000,000 transformations would have "),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WRN_10_4.checkNetwork(new ImageShape(1, 1, 2_000_000), 72));
        e = assertThrows(IllegalArgumentException.class, () -> WRN_10_4.checkNetwork(new ImageShape(32, 32, 3), 1));
        assertEquals("the classifier needs at least 2 transformations, got 1", e.getMessage());
    }

    /** Side of the last maps, written out: two halvings that round up, as Keras' strided "same" convolutions. */
    @ParameterizedTest(name = "{0}x{1}: {2}")
    @CsvSource({"32, 32, 1", "64, 64, 4", "28, 28, 1", "128, 64, 8", "96, 96, 9", "33, 33, 1", "64, 32, 2", "8, 8, 1"})
    void theDenseLayerSeesTheReferencesEightByEightPoolingCells(int height, int width, long cells) {
        assertEquals(cells, ClassifierSettings.pooledCells(new ImageShape(height, width, 3)));
    }

    @Test
    void theDenseLayerOfLargeImagesCountsItsPooledCells() {
        // 2048x2048: 512x512 last maps, 64x64 cells of 256 channels into 72 outputs, 75 million
        // weights; 4096x4096 four times as many
        assertDoesNotThrow(() -> WRN_10_4.checkNetwork(new ImageShape(2048, 2048, 3), 72));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WRN_10_4.checkNetwork(new ImageShape(4096, 4096, 3), 72));
        assertTrue(e.getMessage().startsWith("WRN-10-4 for 4096x4096x3 images and 72 transformations would have "),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WRN_10_4.checkNetwork(new ImageShape(1 << 15, 1 << 15, 1),
                Integer.MAX_VALUE), "the largest image and output count any header can name");
    }
}
