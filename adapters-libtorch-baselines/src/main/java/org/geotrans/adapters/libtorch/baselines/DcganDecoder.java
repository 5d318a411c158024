package org.geotrans.adapters.libtorch.baselines;

import static org.bytedeco.pytorch.global.torch.relu_;
import static org.bytedeco.pytorch.global.torch.tanh;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.Tensor;
import org.geotrans.domain.image.ImageShape;

/**
 * The reference code's {@code conv_decoder}, shaped like DCGAN's generator: a dense map of the
 * code to 4x4x256 with bias, batch norm and ReLU; per doubling of the side but the last a 3x3
 * stride-2 transposed convolution with bias (128, 64, then 64 channels), batch norm and ReLU; the
 * last one to the image's channels, then tanh. As adapters-dl4j-baselines' {@code ConvAutoencoder}
 * and {@code DcganGraphs}; initialisation, batch norm and padding as {@link Layers} says.
 */
final class DcganDecoder {
    private static final int START_CHANNELS = 4 * DcganEncoder.FILTERS;
    private static final int SIDE = DcganEncoder.BOTTOM_SIDE;

    private record Stage(Layers.TransposedConv deconv, Layers.BatchNorm norm) {
    }

    private final Layers.Dense dense;
    private final Layers.BatchNorm denseNorm;
    private final List<Stage> stages = new ArrayList<>();
    private final Layers.TransposedConv out;

    /**
     * A decoder of {@code dimension} values to {@code shape}'s images in [-1, 1], its tensors in
     * {@code t} under {@code name}.
     *
     * @throws IllegalArgumentException when {@link DcganEncoder#halvings} refuses the shape
     */
    DcganDecoder(NetworkTensors t, String name, int dimension, ImageShape shape) {
        int doublings = DcganEncoder.halvings(shape, "the DCGAN-shaped decoder");
        int flat = START_CHANNELS * SIDE * SIDE;
        dense = Layers.dense(t, name + ".dense", dimension, flat, true);
        denseNorm = Layers.kerasBatchNorm(t, name + ".bn-dense", flat);
        int in = START_CHANNELS;
        for (int i = 0; i < doublings - 1; i++) {
            int channels = Math.max(DcganEncoder.FILTERS, START_CHANNELS >> (i + 1));
            stages.add(new Stage(Layers.transposedConv(t, name + ".deconv" + i, in, channels, 3, 2),
                    Layers.kerasBatchNorm(t, name + ".bn" + i, channels)));
            in = channels;
        }
        out = Layers.transposedConv(t, name + ".out", in, shape.channels(), 3, 2);
    }

    /** NCHW images in [-1, 1] from codes (N, dimension). */
    Tensor apply(Tensor codes, boolean training) {
        Tensor h = relu_(denseNorm.apply(dense.apply(codes), training));
        Tensor x = h.reshape(-1, START_CHANNELS, SIDE, SIDE);
        for (Stage s : stages) {
            x = relu_(s.norm().apply(s.deconv().apply(x), training));
        }
        return tanh(out.apply(x));
    }
}
