package org.geotrans.adapters.libtorch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.bytedeco.pytorch.Tensor;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.ClassifierSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The network pads and pools as the reference's Keras layers do: "same" padding puts
 * {@code floor(total / 2)} before and the rest after, where {@code total = max((ceil(n / s) - 1) s + k - n, 0)}
 * (TensorFlow's rule), and the last maps are pooled in 8x8 windows and flattened.
 */
class NetworkRevisionTest {

    @ParameterizedTest(name = "side {0}, kernel {1}, stride {2}: {3} before, {4} after")
    @CsvSource({"32, 3, 1, 1, 1", "32, 3, 2, 0, 1", "16, 3, 2, 0, 1", "8, 3, 2, 0, 1", "15, 3, 2, 1, 1",
        "32, 1, 2, 0, 0", "33, 1, 2, 0, 0", "5, 3, 1, 1, 1"})
    void kerasSamePadsAsTensorFlowDoes(long side, int kernel, int stride, long before, long after) {
        assertArrayEquals(new long[] {before, after}, NetworkRevision.KERAS_SAME.padding(side, kernel, stride));
    }

    @Test
    void formatOneNetworksPadEvenly() {
        assertArrayEquals(new long[] {1, 1}, NetworkRevision.SYMMETRIC_PADDING.padding(32, 3, 2));
        assertArrayEquals(new long[] {0, 0}, NetworkRevision.SYMMETRIC_PADDING.padding(32, 1, 2));
    }

    @Test
    void anUnknownRevisionAskedForIsNamed() {
        System.setProperty("geotrans.libtorch.revision", "same");
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, NetworkRevision::current);
            assertEquals("-Dgeotrans.libtorch.revision must be KERAS_SAME or SYMMETRIC_PADDING, got 'same'", e.getMessage());
        } finally {
            System.clearProperty("geotrans.libtorch.revision");
        }
        assertEquals(NetworkRevision.KERAS_SAME, NetworkRevision.current());
    }

    /**
     * A 3x3 stride-2 convolution of a 5x4 image, against the sums written out over zero-padded
     * pixels: "same" pads the 5 rows 1 before and 1 after, the 4 columns 0 before and 1 after.
     */
    @ParameterizedTest
    @CsvSource({"KERAS_SAME, 1, 0", "SYMMETRIC_PADDING, 1, 1"})
    void aStridedConvolutionSamplesWhereItsPaddingPutsIt(NetworkRevision revision, long top, long left) {
        int height = 5;
        int width = 4;
        float[] pixels = new float[height * width];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (i * 7 % 11) - 5;
        }
        float[] kernel = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        float[] expected = new float[3 * 2];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 2; c++) {
                float sum = 0;
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 3; j++) {
                        long y = 2L * r + i - top;
                        long x = 2L * c + j - left;
                        if (y >= 0 && y < height && x >= 0 && x < width) {
                            sum += kernel[i * 3 + j] * pixels[(int) (y * width + x)];
                        }
                    }
                }
                expected[r * 2 + c] = sum;
            }
        }
        try (Tensor image = Tensors.copyOf(pixels, 0, 1, 1, height, width);
             Tensor weight = Tensors.copyOf(kernel, 0, 1, 1, 3, 3);
             Tensor out = WideResNet.convolve(image, weight, 2, revision)) {
            assertArrayEquals(new long[] {1, 1, 3, 2}, out.sizes().vec().get());
            assertArrayEquals(expected, Tensors.values(out), 1e-4f);
        }
    }

    @Test
    void sixtyFourPixelImagesReachTheDenseLayerAsTwoByTwoCellsPerChannel() {
        ClassifierSettings settings = new ClassifierSettings(10, 1, 1, 32, 1e-3, 0, 1);
        ImageShape shape = new ImageShape(64, 64, 1);
        try (WideResNet reference = new WideResNet(new NetworkSpec(shape, 4, settings));
             WideResNet formatOne = new WideResNet(new NetworkSpec(shape, 4, settings, NetworkRevision.SYMMETRIC_PADDING))) {
            assertArrayEquals(new long[] {4, 64 * 4}, dense(reference).shape());
            assertArrayEquals(new long[] {4, 64}, dense(formatOne).shape());
            assertEquals(1 / Math.sqrt(64 * 4), maxAbs(dense(reference)), 0.1 / Math.sqrt(64 * 4),
                    "U(-1/sqrt(fan_in), 1/sqrt(fan_in)) over the flattened cells");
        }
    }

    private static WideResNet.Entry dense(WideResNet network) {
        return network.entries().stream().filter(e -> e.name().equals("dense.kernel")).findFirst().orElseThrow();
    }

    private static double maxAbs(WideResNet.Entry e) {
        double max = 0;
        for (float v : Tensors.values(e.tensor())) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
