package org.geotrans.adapters.libtorch.baselines;

import static org.bytedeco.pytorch.global.torch.mse_loss;

import org.bytedeco.pytorch.Tensor;
import org.geotrans.domain.image.ImageShape;

/**
 * The convolutional autoencoder of the paper's CAE-OC-SVM, as adapters-dl4j-baselines'
 * {@code ConvAutoencoder}: the {@link DcganEncoder} to a 256-d tanh code and the
 * {@link DcganDecoder} back, trained on the mean squared error.
 */
final class ConvAutoencoder implements TensorNetwork {
    static final int CODE_LENGTH = 256;

    private final NetworkTensors tensors;
    private final ImageShape shape;
    private final DcganEncoder encoder;
    private final DcganDecoder decoder;

    /**
     * A fresh autoencoder for {@code shape}'s images, weights drawn from {@code seed}.
     *
     * @throws IllegalArgumentException for images that are not square with a side of 4 x 2^n
     */
    ConvAutoencoder(ImageShape shape, long seed) {
        halvings(shape);
        this.tensors = new NetworkTensors(seed);
        this.shape = shape;
        this.encoder = new DcganEncoder(tensors, "encoder", shape, CODE_LENGTH, DcganEncoder.Activation.TANH);
        this.decoder = new DcganDecoder(tensors, "decoder", CODE_LENGTH, shape);
    }

    /**
     * The number of stride-2 stages, with the DL4J version's message for shapes it cannot take.
     *
     * @throws IllegalArgumentException for images that are not square with a side of 4 x 2^n, n >= 1
     */
    static int halvings(ImageShape shape) {
        return DcganEncoder.halvings(shape, "the convolutional autoencoder");
    }

    /** The codes (N, 256) of a batch. */
    Tensor codes(Tensor images, boolean training) {
        return encoder.apply(images, training);
    }

    /** The training loss of a batch: the mean squared error of its reconstruction. */
    Tensor loss(Tensor images) {
        return mse_loss(decoder.apply(encoder.apply(images, true), true), images);
    }

    ImageShape shape() {
        return shape;
    }

    @Override
    public NetworkTensors tensors() {
        return tensors;
    }
}
