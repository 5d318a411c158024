package org.geotrans.adapters.libtorch.baselines;

import org.bytedeco.pytorch.Tensor;
import org.geotrans.domain.image.ImageShape;

/**
 * ADGAN's critic as the reference builds it: the DCGAN-shaped encoder ({@link DcganEncoder}) with
 * a 1-dimensional linear output, the Wasserstein critic's score. Used during training only.
 */
final class AdganCritic implements TensorNetwork {
    /** Mixed into the seed so that the critic's kernels are not drawn from the generator's stream. */
    private static final long SEED_SALT = 0x5DEECE66DL;

    private final NetworkTensors tensors;
    private final DcganEncoder encoder;

    /**
     * A fresh critic of {@code shape}'s images, its kernels drawn from {@code seed}.
     *
     * @throws IllegalArgumentException when {@link DcganEncoder#halvings} refuses the shape
     */
    AdganCritic(ImageShape shape, long seed) {
        DcganEncoder.halvings(shape, "ADGAN's critic");
        this.tensors = new NetworkTensors(seed ^ SEED_SALT);
        this.encoder = new DcganEncoder(tensors, "critic", shape, 1, DcganEncoder.Activation.LINEAR);
    }

    /** The critic's scores (N, 1) of NCHW images, batch norm on the batch's moments as in all of the reference's uses. */
    Tensor score(Tensor images) {
        return encoder.apply(images, true);
    }

    /** Whether the critic's weights record gradients: off while the generator steps, as Keras' {@code trainable = False}. */
    void recordGradients(boolean on) {
        tensors.trainable().forEach(e -> e.tensor().requires_grad_(on));
    }

    @Override
    public NetworkTensors tensors() {
        return tensors;
    }
}
