package org.geotrans.adapters.libtorch.baselines;

import java.util.List;
import java.util.function.Predicate;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.geotrans.domain.image.ImageShape;

/**
 * ADGAN's generator as the reference's {@code _adgan_experiment} builds it: the DCGAN-shaped
 * decoder ({@link DcganDecoder}) from {@value #NOISE}-dimensional N(0, 1) noise to images in
 * [-1, 1]. A network of its own, apart from the critic, because the trained detector keeps the
 * generator alone.
 */
final class AdganGenerator implements TensorNetwork {
    /** The noise's dimension, the reference's {@code noise_size}. */
    static final int NOISE = 256;

    private final NetworkTensors tensors;
    private final ImageShape shape;
    private final DcganDecoder decoder;

    /**
     * A fresh generator of {@code shape}'s images, its kernels drawn from {@code seed}.
     *
     * @throws IllegalArgumentException when {@link DcganEncoder#halvings} refuses the shape
     */
    AdganGenerator(ImageShape shape, long seed) {
        DcganEncoder.halvings(shape, "ADGAN's generator");
        this.tensors = new NetworkTensors(seed);
        this.shape = shape;
        this.decoder = new DcganDecoder(tensors, "gen", NOISE, shape);
    }

    /** NCHW images from noise (N, {@value #NOISE}); {@code training} normalises on the batch's moments. */
    Tensor generate(Tensor noise, boolean training) {
        return decoder.apply(noise, training);
    }

    /** Whether the weights record gradients: off while only the latent code is searched. */
    void recordGradients(boolean on) {
        tensors.trainable().forEach(e -> e.tensor().requires_grad_(on));
    }

    /** Overwrites every tensor, running statistics included, with {@code source}'s (a generator of the same shape). */
    void assign(AdganGenerator source) {
        assign(source, kind -> true);
    }

    /** Overwrites the batch norm running statistics with {@code source}'s. */
    void assignRunningStatistics(AdganGenerator source) {
        assign(source, kind -> kind == NetworkTensors.Kind.BN_MEAN || kind == NetworkTensors.Kind.BN_VAR);
    }

    private void assign(AdganGenerator source, Predicate<NetworkTensors.Kind> which) {
        List<NetworkTensors.Entry> to = tensors.entries();
        List<NetworkTensors.Entry> from = source.tensors.entries();
        try (NoGradGuard noGrad = new NoGradGuard()) {
            for (int i = 0; i < to.size(); i++) {
                if (which.test(to.get(i).kind())) {
                    to.get(i).tensor().copy_(from.get(i).tensor());
                }
            }
        }
    }

    ImageShape shape() {
        return shape;
    }

    @Override
    public NetworkTensors tensors() {
        return tensors;
    }
}
