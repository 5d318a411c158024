package org.geotrans.adapters.libtorch.baselines;

import static org.bytedeco.pytorch.global.torch.relu;
import static org.bytedeco.pytorch.global.torch.relu_;
import static org.bytedeco.pytorch.global.torch.tanh;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.Tensor;
import org.geotrans.domain.image.ImageShape;

/**
 * The reference code's {@code conv_encoder}, shaped like DCGAN's discriminator: per halving of
 * the side down to 4, a 3x3 stride-2 convolution with bias (64, 128, 256, then 512 channels),
 * batch norm and ReLU; then a dense map of the 4x4 maps (flattened channel-major) to the code, with
 * the chosen activation. As adapters-dl4j-baselines' {@code ConvAutoencoder} and {@code DcganGraphs};
 * initialisation, batch norm and padding as {@link Layers} says.
 */
final class DcganEncoder {
    static final int FILTERS = 64;
    static final int BOTTOM_SIDE = 4;

    /** The code's activation. */
    enum Activation { LINEAR, TANH, RELU }

    private record Stage(Layers.Conv conv, Layers.BatchNorm norm) {
    }

    private final List<Stage> stages = new ArrayList<>();
    private final Layers.Dense code;
    private final Activation activation;
    private final int dimension;

    /**
     * An encoder of {@code shape}'s images to {@code dimension} values, its tensors in {@code t}
     * under {@code name}.
     *
     * @throws IllegalArgumentException when {@link #halvings} refuses the shape
     */
    DcganEncoder(NetworkTensors t, String name, ImageShape shape, int dimension, Activation activation) {
        int halvings = halvings(shape, "the DCGAN-shaped encoder");
        int in = shape.channels();
        for (int i = 0; i < halvings; i++) {
            int out = FILTERS << i;
            stages.add(new Stage(Layers.conv(t, name + ".conv" + i, in, out, 3, 2, true),
                    Layers.kerasBatchNorm(t, name + ".bn" + i, out)));
            in = out;
        }
        this.code = Layers.dense(t, name + ".code", in * BOTTOM_SIDE * BOTTOM_SIDE, dimension, true);
        this.activation = activation;
        this.dimension = dimension;
    }

    /**
     * The number of halvings from the side down to 4.
     *
     * @param network what needs the shape, for the message (e.g. "the convolutional autoencoder")
     * @throws IllegalArgumentException for images that are not square with a side of 4 x 2^n, n >= 1
     */
    static int halvings(ImageShape shape, String network) {
        int side = shape.height();
        int n = 0;
        while (side > BOTTOM_SIDE && side % 2 == 0) {
            side /= 2;
            n++;
        }
        if (shape.height() != shape.width() || side != BOTTOM_SIDE || n < 1) {
            throw new IllegalArgumentException(network + " needs square images with a side of 4 x 2^n "
                    + "(8, 16, 32, 64, ...), got " + shape);
        }
        return n;
    }

    /** The codes (N, dimension) of NCHW images. */
    Tensor apply(Tensor images, boolean training) {
        Tensor x = images;
        for (Stage s : stages) {
            x = relu_(s.norm().apply(s.conv().apply(x), training));
        }
        Tensor rep = code.apply(x.flatten(1, -1));
        return switch (activation) {
            case LINEAR -> rep;
            case TANH -> tanh(rep);
            case RELU -> relu(rep);
        };
    }

    int dimension() {
        return dimension;
    }

    int halvings() {
        return stages.size();
    }
}
