package org.geotrans.adapters.libtorch.baselines;

import static org.bytedeco.pytorch.global.torch.leaky_relu;
import static org.bytedeco.pytorch.global.torch.max_pool2d;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.geotrans.domain.image.ImageShape;

/**
 * Ruff et al.'s CIFAR-10 LeNet-type network for One-Class Deep SVDD, as adapters-dl4j-baselines'
 * {@code DeepSvddNetwork}: three 5x5 convolutions (32, 64, 128 channels, padding 2), each followed
 * by batch normalisation without affine parameters (epsilon 1e-4, PyTorch's and DL4J's default
 * momentum), leaky ReLU (slope 0.01) and 2x2 max pooling, then a dense map to a 128-d
 * representation. No layer has a bias term: with biases (or an affine batch norm) the network
 * could map every image onto the centre and the hypersphere would collapse. Kernels
 * Glorot-uniform, as DL4J's version.
 */
final class DeepSvddNetwork implements TensorNetwork {
    static final int REPRESENTATION = 128;
    private static final int[] CHANNELS = {32, 64, 128};
    private static final double BN_EPSILON = 1e-4;
    private static final double BN_MOMENTUM = 0.1; // PyTorch's default, DL4J's decay 0.9
    private static final double LEAKY_SLOPE = 0.01;
    private static final long[] POOL = {2, 2};
    private static final long[] NO_PADDING = {0, 0};
    private static final long[] POOL_DILATION = {1, 1};

    private record Stage(Layers.Conv conv, Layers.BatchNorm norm) {
    }

    private final NetworkTensors tensors;
    private final ImageShape shape;
    private final List<Stage> stages = new ArrayList<>();
    private final Layers.Dense representation;

    /**
     * A fresh network for {@code shape}'s images, weights drawn from {@code seed}.
     *
     * @throws IllegalArgumentException for images whose sides are not multiples of 8
     */
    DeepSvddNetwork(ImageShape shape, long seed) {
        checkShape(shape);
        this.tensors = new NetworkTensors(seed);
        this.shape = shape;
        int in = shape.channels();
        for (int i = 0; i < CHANNELS.length; i++) {
            stages.add(new Stage(Layers.conv(tensors, "conv" + i, in, CHANNELS[i], 5, 1, false),
                    Layers.plainBatchNorm(tensors, "bn" + i, CHANNELS[i], BN_MOMENTUM, BN_EPSILON)));
            in = CHANNELS[i];
        }
        int flat = in * (shape.height() / 8) * (shape.width() / 8);
        this.representation = Layers.dense(tensors, "representation", flat, REPRESENTATION, false);
    }

    /**
     * Checks the shape before any work, with the DL4J version's message.
     *
     * @throws IllegalArgumentException for images whose sides are not multiples of 8
     */
    static void checkShape(ImageShape shape) {
        if (shape.height() % 8 != 0 || shape.width() % 8 != 0) {
            throw new IllegalArgumentException("Deep SVDD's network halves the sides three times: it needs sides that are "
                    + "multiples of 8, got " + shape);
        }
    }

    /** The representations (N, 128) of a batch. */
    Tensor representations(Tensor images, boolean training) {
        Tensor x = images;
        try (Scalar slope = new Scalar(LEAKY_SLOPE)) {
            for (Stage s : stages) {
                x = max_pool2d(leaky_relu(s.norm().apply(s.conv().apply(x), training), slope), POOL, POOL, NO_PADDING,
                        POOL_DILATION, false);
            }
        }
        return representation.apply(x.flatten(1, -1));
    }

    ImageShape shape() {
        return shape;
    }

    @Override
    public NetworkTensors tensors() {
        return tensors;
    }
}
