package org.geotrans.adapters.libtorch.baselines;

import static org.bytedeco.pytorch.global.torch.mse_loss;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.geotrans.adapters.libtorch.Tensors;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.BaselineTraining;
import org.geotrans.domain.port.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shared DCGAN-shaped encoder and decoder, the training loop and the tensors' byte format. */
class LtDcganPartsTest {

    /** An encoder and a decoder in one network, as the autoencoder, DSEBM and DAGMM hold them. */
    private record Pair(NetworkTensors tensors, DcganEncoder encoder, DcganDecoder decoder) implements TensorNetwork {
        static Pair of(ImageShape shape, int code, long seed) {
            NetworkTensors t = new NetworkTensors(seed);
            return new Pair(t, new DcganEncoder(t, "encoder", shape, code, DcganEncoder.Activation.TANH),
                    new DcganDecoder(t, "decoder", code, shape));
        }
    }

    /**
     * All values of adapters-dl4j-baselines' ConvAutoencoder for this shape, counted from its layer
     * list as DL4J's numParams counts them: each (transposed) 3x3 convolution and dense layer with
     * bias, 4 values per batch norm channel (gamma, beta, mean, variance).
     */
    private static long dl4jParameterCount(int side, int channels, int code) {
        long count = 0;
        int in = channels;
        int s = side;
        int i = 0;
        for (; s > 4; s /= 2, i++) {
            int out = 64 << i;
            count += 9L * in * out + out + 4L * out;
            in = out;
        }
        count += 16L * in * code + code;
        count += (long) code * 4096 + 4096 + 4 * 4096;
        in = 256;
        for (int j = 0; j < i - 1; j++) {
            int out = Math.max(64, 256 >> (j + 1));
            count += 9L * in * out + out + 4L * out;
            in = out;
        }
        return count + 9L * in * channels + channels;
    }

    @ParameterizedTest(name = "{0}x{0}x{1}, code {2}")
    @CsvSource({"32, 1, 256", "32, 3, 256", "64, 3, 256", "16, 1, 5", "8, 1, 32"})
    void theAutoencoderHasTheDl4jVersionsParametersAndShapes(int side, int channels, int code) {
        ImageShape shape = new ImageShape(side, side, channels);
        try (Pair net = Pair.of(shape, code, 1); PointerScope scope = new PointerScope();
             NoGradGuard noGrad = new NoGradGuard()) {
            assertEquals(dl4jParameterCount(side, channels, code), net.tensors().valueCount());
            long batchNormChannels = net.tensors().entries().stream()
                    .filter(e -> e.kind() == NetworkTensors.Kind.BN_MEAN).mapToLong(NetworkTensors.Entry::size).sum();
            assertEquals(net.tensors().valueCount() - 2 * batchNormChannels, net.tensors().trainableCount());
            Tensor images = ImageTensors.slice(randomImages(shape, 3, 5), 0, 3, shape);
            Tensor codes = net.encoder().apply(images, true);
            assertArrayEquals(new long[] {3, code}, codes.sizes().vec().get());
            Tensor out = net.decoder().apply(codes, false);
            assertArrayEquals(new long[] {3, channels, side, side}, out.sizes().vec().get());
            for (float v : Tensors.values(out)) {
                assertTrue(v >= -1 && v <= 1, "tanh range: " + v);
            }
        }
    }

    @Test
    void theReferenceAutoencoderOn32x32GreyImagesHas2859521Values() {
        try (Pair net = Pair.of(new ImageShape(32, 32, 1), 256, 1)) {
            assertEquals(2_859_521, net.tensors().valueCount());
        }
    }

    @Test
    void theSameSeedDrawsTheSameWeightsAndAnotherSeedOthers() {
        ImageShape shape = new ImageShape(16, 16, 1);
        try (Pair a = Pair.of(shape, 8, 4); Pair b = Pair.of(shape, 8, 4); Pair c = Pair.of(shape, 8, 5)) {
            Tensor wa = a.tensors().entries().get(0).tensor();
            assertArrayEquals(Tensors.values(wa), Tensors.values(b.tensors().entries().get(0).tensor()));
            assertFalse(Arrays.equals(Tensors.values(wa), Tensors.values(c.tensors().entries().get(0).tensor())));
        }
    }

    @Test
    void kernelsAreGlorotUniformAndBiasesZero() {
        try (Pair net = Pair.of(new ImageShape(32, 32, 1), 256, 2)) {
            NetworkTensors.Entry conv1 = net.tensors().entries().stream().filter(e -> e.name().equals("encoder.conv1.kernel"))
                    .findFirst().orElseThrow();
            double bound = Math.sqrt(6.0 / (9 * 64 + 9 * 128));
            float max = 0;
            for (float v : Tensors.values(conv1.tensor())) {
                max = Math.max(max, Math.abs(v));
            }
            assertTrue(max <= bound && max > 0.95 * bound, "max |w| " + max + ", bound " + bound);
            for (NetworkTensors.Entry e : net.tensors().entries()) {
                if (e.kind() == NetworkTensors.Kind.BIAS) {
                    for (float v : Tensors.values(e.tensor())) {
                        assertEquals(0f, v, e.name());
                    }
                }
            }
        }
    }

    @Test
    void shapesThatDoNotHalveDownTo4AreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DcganEncoder.halvings(new ImageShape(28, 28, 1), "the network"));
        assertEquals("the network needs square images with a side of 4 x 2^n (8, 16, 32, 64, ...), got 28x28x1",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DcganEncoder.halvings(new ImageShape(32, 16, 1), "x"));
        assertThrows(IllegalArgumentException.class, () -> DcganEncoder.halvings(new ImageShape(4, 4, 1), "x"));
    }

    @Test
    void trainingLowersTheReconstructionErrorAndUpdatesTheRunningStatistics() {
        ImageShape shape = new ImageShape(8, 8, 1);
        List<Image> images = randomImages(shape, 40, 3);
        try (Pair net = Pair.of(shape, 16, 3)) {
            List<Double> losses = new ArrayList<>();
            MinibatchTraining.fit(net.tensors(), images, shape, new BaselineTraining(20, 16, 1e-3, 0, 3),
                    AdamStep.KERAS_EPSILON, x -> mse_loss(net.decoder().apply(net.encoder().apply(x, true), true), x),
                    p -> losses.add(p.loss()));
            double first = losses.get(0);
            double last = losses.get(losses.size() - 1);
            assertTrue(last < 0.5 * first, "MSE " + first + " -> " + last);
            float[] runningMean = Tensors.values(net.tensors().entries().stream()
                    .filter(e -> e.name().equals("encoder.bn0.mean")).findFirst().orElseThrow().tensor());
            assertTrue(maxAbs(runningMean) > 0, "the running mean moved");
        }
    }

    @Test
    void aLossThatStopsBeingFiniteIsRefused() {
        ImageShape shape = new ImageShape(8, 8, 1);
        try (Pair net = Pair.of(shape, 4, 1)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> MinibatchTraining.fit(net.tensors(),
                    randomImages(shape, 8, 1), shape, new BaselineTraining(2, 4, 1e-3, 0, 1), AdamStep.KERAS_EPSILON,
                    x -> net.encoder().apply(x, true).sum().div(new Scalar(0.0)),
                    ProgressListener.SILENT));
            assertTrue(e.getMessage().startsWith("training diverged: loss is "), e.getMessage());
            assertTrue(e.getMessage().contains("in epoch 1"), e.getMessage());
        }
    }

    @Test
    void aLastBatchOfOneImageIsLeftOut() {
        assertEquals(2, MinibatchTraining.batchesPerEpoch(9, 4));
        assertEquals(2, MinibatchTraining.batchesPerEpoch(8, 4));
        assertEquals(3, MinibatchTraining.batchesPerEpoch(10, 4));
    }

    @Test
    void savedTensorsLoadIntoAFreshNetworkAndOtherArchitecturesAreRefused() throws IOException {
        ImageShape shape = new ImageShape(16, 16, 1);
        byte[] bytes;
        try (Pair net = Pair.of(shape, 8, 7); ByteArrayOutputStream buffer = new ByteArrayOutputStream();
             DataOutputStream out = new DataOutputStream(buffer)) {
            TensorFormat.write(out, shape, net);
            out.flush();
            bytes = buffer.toByteArray();
            try (Pair loaded = TensorFormat.read(new DataInputStream(new ByteArrayInputStream(bytes)),
                    s -> Pair.of(s, 8, 99))) {
                for (int i = 0; i < net.tensors().entries().size(); i++) {
                    assertArrayEquals(Tensors.values(net.tensors().entries().get(i).tensor()),
                            Tensors.values(loaded.tensors().entries().get(i).tensor()));
                }
            }
        }
        IOException other = assertThrows(IOException.class,
                () -> TensorFormat.read(new DataInputStream(new ByteArrayInputStream(bytes)), s -> Pair.of(s, 9, 1)));
        assertTrue(other.getMessage().contains("has shape"), other.getMessage());
        bytes[bytes.length - 10] ^= 1; // in the last value, before the checksum
        IOException damaged = assertThrows(IOException.class,
                () -> TensorFormat.read(new DataInputStream(new ByteArrayInputStream(bytes)), s -> Pair.of(s, 8, 1)));
        assertTrue(damaged.getMessage().contains("checksum"), damaged.getMessage());
    }

    private static float maxAbs(float[] values) {
        float max = 0;
        for (float v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    /** Smooth random images in [-1, 1]: blobs an autoencoder can learn. */
    private static List<Image> randomImages(ImageShape shape, int count, long seed) {
        Random random = new Random(seed);
        List<Image> images = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            float[] v = new float[shape.size()];
            double cx = random.nextDouble() * shape.width();
            double cy = random.nextDouble() * shape.height();
            for (int y = 0; y < shape.height(); y++) {
                for (int x = 0; x < shape.width(); x++) {
                    for (int c = 0; c < shape.channels(); c++) {
                        double d = ((x - cx) * (x - cx) + (y - cy) * (y - cy)) / shape.size();
                        v[(y * shape.width() + x) * shape.channels() + c] = (float) (2 * Math.exp(-8 * d) - 1);
                    }
                }
            }
            images.add(new Image(shape, v));
        }
        return images;
    }
}
