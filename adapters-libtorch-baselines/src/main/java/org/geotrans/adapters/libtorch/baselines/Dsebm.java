package org.geotrans.adapters.libtorch.baselines;

import static org.bytedeco.pytorch.global.torch.grad;
import static org.bytedeco.pytorch.global.torch.mse_loss;
import static org.bytedeco.pytorch.global.torch.randn_like;

import java.util.List;
import org.bytedeco.pytorch.BoolOptional;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.geotrans.adapters.libtorch.baselines.NetworkTensors.Kind;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.BaselineTraining;
import org.geotrans.domain.port.ImageDetector;
import org.geotrans.domain.port.ProgressListener;

/**
 * DSEBM (Zhai et al., ICML 2016) as the paper's code builds it ({@code models/dsebm.py}) and
 * adapters-dl4j-baselines' {@code Dsebm} mirrors it: the energy E(x) = 0.5 |x - b|^2 - sum(f(x)),
 * f the DCGAN-shaped encoder ending in a 256-wide ReLU layer, b a trainable image (the "prior");
 * trained by score matching in its denoising form: the images plus N(0, 0.5^2) noise, x~, are
 * mapped to r = x~ - dE/dx~ and r is pulled towards the clean images with the mean squared error
 * (Adam, batch 128). The score of an image is minus its energy (higher = more normal).
 *
 * <p>The loss holds dE/dx~, so its gradient with respect to the weights is a second derivative.
 * libtorch's autograd takes dE/dx~ with {@code create_graph} and then differentiates through it
 * exactly (double backward through the convolutions, batch norm and ReLU). That is better than the
 * DL4J version, which has no second derivatives in SameDiff and estimates them by a central
 * difference of two first-order weight gradients (two more backward passes, and an error of the
 * probe's order).
 *
 * <p>The recipe's weight decay, if any, applies to the kernels as for every libtorch baseline (the
 * paper's recipe has none; the DL4J version ignores it).
 */
final class Dsebm implements ImageDetector, TensorNetwork {
    static final double NOISE = 0.5;
    static final int REPRESENTATION = 256;
    private static final String NAME = "DSEBM";

    private final NetworkTensors tensors;
    private final DcganEncoder encoder;
    private final Tensor prior;
    private final ImageShape shape;
    private final int epochs;

    /** An untrained DSEBM for {@code shape}'s images, its weights drawn from {@code seed}. */
    private Dsebm(ImageShape shape, long seed, int epochs) {
        DcganEncoder.halvings(shape, NAME);
        this.tensors = new NetworkTensors(seed);
        this.encoder = new DcganEncoder(tensors, "encoder", shape, REPRESENTATION, DcganEncoder.Activation.RELU);
        // the visible bias of the energy, trained but not decayed, as the reference's b
        this.prior = tensors.filled("prior", Kind.BIAS, 0f, 1, shape.channels(), shape.height(), shape.width());
        this.shape = shape;
        this.epochs = epochs;
    }

    /** An untrained DSEBM, for tests of its loss. */
    static Dsebm untrained(ImageShape shape, long seed) {
        return new Dsebm(shape, seed, 0);
    }

    /**
     * Trains on the normal images with {@code training}'s recipe.
     *
     * @throws IllegalArgumentException for fewer than 2 images, mixed shapes, or a shape the
     *     encoder cannot halve down to 4x4
     * @throws IllegalStateException when the loss stops being finite
     */
    static Dsebm train(List<Image> normal, BaselineTraining training, ProgressListener listener) {
        ImageShape shape = ImageShape.sharedBy(normal, 2);
        Dsebm dsebm = new Dsebm(shape, training.seed(), training.epochs());
        try {
            MinibatchTraining.fit(dsebm.tensors, normal, shape, training, AdamStep.KERAS_EPSILON, dsebm::denoisingLoss,
                    listener);
            return dsebm;
        } catch (RuntimeException e) {
            dsebm.close();
            throw e;
        }
    }

    /** The loss of one training batch: clean images, noise drawn from libtorch's seeded generator. */
    Tensor denoisingLoss(Tensor clean) {
        Tensor noisy = clean.add(randn_like(clean).mul(new Scalar(NOISE)));
        return scoreMatchingLoss(clean, noisy);
    }

    /**
     * mean((x~ - dE/dx~ - x)^2) over the batch, with dE/dx~ kept in the graph so that the loss's
     * backward pass gives the exact weight gradient (batch norm in training mode).
     */
    Tensor scoreMatchingLoss(Tensor clean, Tensor noisy) {
        Tensor input = noisy.detach().requires_grad_(true);
        Tensor energy = energy(input, true).sum();
        TensorVector dEdx = grad(new TensorVector(energy), new TensorVector(input), new TensorVector(), new BoolOptional(),
                true, false);
        return mse_loss(input.sub(dEdx.get(0)), clean);
    }

    /** E(x) per image of a batch of NCHW images. */
    Tensor energy(Tensor images, boolean training) {
        Tensor quadratic = images.sub(prior).square().sum(1, 2, 3).mul(new Scalar(0.5));
        return quadratic.sub(encoder.apply(images, training).sum(1));
    }

    /** Minus the energy, higher = more normal; batch norm with its moving statistics. */
    @Override
    public double[] scores(List<Image> images, ProgressListener progress) {
        float[][] energies = BatchedInference.rows(images, shape, x -> energy(x, false), progress);
        double[] scores = new double[energies.length];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = -energies[i][0];
        }
        return scores;
    }

    @Override
    public String describe() {
        return NAME + " on libtorch, DCGAN-shaped encoder with a " + REPRESENTATION + "-wide ReLU output, " + epochs
                + " epochs, denoising score matching (noise sd " + NOISE + "), input " + shape;
    }

    @Override
    public NetworkTensors tensors() {
        return tensors;
    }
}
