package org.geotrans.adapters.libtorch.baselines;

import static org.bytedeco.pytorch.global.torch.cat;
import static org.bytedeco.pytorch.global.torch.dropout;
import static org.bytedeco.pytorch.global.torch.mse_loss;
import static org.bytedeco.pytorch.global.torch.softmax;
import static org.bytedeco.pytorch.global.torch.tanh;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.ScalarTypeOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.mixture.GaussianMixtureEnergy;

/**
 * DAGMM's networks (Zong et al., ICLR 2018; the paper's {@code models/dagmm.py}), as
 * adapters-dl4j-baselines' {@code Dagmm} builds them: the DCGAN-shaped autoencoder with a
 * 5-dimensional linear code; the compact representation z = (code, relative Euclidean
 * reconstruction error, cosine similarity); the estimation network dense 64 (tanh) - dropout 0.5 -
 * dense 10 (tanh) - dropout 0.5 - softmax over 3 mixture components, whose output gamma is each
 * image's membership.
 *
 * <p>The training loss is the reconstruction's mean squared error + the domain's
 * {@link GaussianMixtureEnergy} loss of the batch (0.01 x mean sample energy + 0.0005 x the inverse
 * covariance diagonals). The mixture's exact gradients dz and dgamma, written out in double
 * precision there, enter the graph through the linear term sum(z dz) + sum(gamma dgamma), so one
 * backward pass trains all three networks, as the DL4J version does. That keeps one copy of the
 * mixture's mathematics for both backends (checked against central differences in the domain),
 * where writing it again in torch ops (inverse, determinant) would be a second copy to keep equal,
 * in float32.
 */
final class DagmmNetwork implements TensorNetwork {
    static final int CODE = 5;
    static final int COMPONENTS = 3;
    static final double LAMBDA_ENERGY = 0.01;
    static final double LAMBDA_DIAG = 0.0005;
    static final double DROPOUT = 0.5;
    static final int FEATURES = CODE + 2;
    private static final int HIDDEN1 = 64;
    private static final int HIDDEN2 = 10;
    /** Keeps the cosine finite for a blank reconstruction, as the reference does. */
    private static final double COSINE_GUARD = 1e-12;

    /** The compact representation z (N, 7), the memberships gamma (N, 3) and the reconstruction's MSE. */
    record Representation(Tensor z, Tensor gamma, Tensor reconstructionError) {
    }

    private final NetworkTensors tensors;
    private final DcganEncoder encoder;
    private final DcganDecoder decoder;
    private final Layers.Dense estimation0;
    private final Layers.Dense estimation1;
    private final Layers.Dense estimation2;

    /**
     * The networks for {@code shape}'s images, their weights drawn from {@code seed}.
     *
     * @throws IllegalArgumentException when the encoder cannot halve the shape down to 4x4
     */
    DagmmNetwork(ImageShape shape, long seed) {
        DcganEncoder.halvings(shape, "DAGMM");
        this.tensors = new NetworkTensors(seed);
        this.encoder = new DcganEncoder(tensors, "encoder", shape, CODE, DcganEncoder.Activation.LINEAR);
        this.decoder = new DcganDecoder(tensors, "decoder", CODE, shape);
        this.estimation0 = Layers.dense(tensors, "estimation.dense0", FEATURES, HIDDEN1, true);
        this.estimation1 = Layers.dense(tensors, "estimation.dense1", HIDDEN1, HIDDEN2, true);
        this.estimation2 = Layers.dense(tensors, "estimation.dense2", HIDDEN2, COMPONENTS, true);
    }

    /** z and gamma of a batch of NCHW images; in training with dropout and batch statistics. */
    Representation represent(Tensor images, boolean training) {
        Tensor code = encoder.apply(images, training);
        Tensor reconstruction = decoder.apply(code, training);
        Tensor imageNorm = perImageSum(images.square()).sqrt();
        Tensor reconstructionNorm = perImageSum(reconstruction.square()).sqrt();
        Tensor squaredError = perImageSum(images.sub(reconstruction).square());
        Tensor euclidean = squaredError.div(imageNorm.square()).sqrt();
        Tensor cosine = perImageSum(images.mul(reconstruction))
                .div(imageNorm.mul(reconstructionNorm).add(new Scalar(COSINE_GUARD)));
        Tensor z = cat(new TensorVector(code, euclidean, cosine), 1);
        Tensor h = dropout(tanh(estimation0.apply(z)), DROPOUT, training);
        h = dropout(tanh(estimation1.apply(h)), DROPOUT, training);
        Tensor gamma = softmax(estimation2.apply(h), 1);
        return new Representation(z, gamma, mse_loss(reconstruction, images));
    }

    /**
     * The loss of one training batch (at least 2 images, which the mixture needs). Its value is the
     * full loss; its gradient is the reconstruction's plus the mixture's, carried by a linear term
     * whose value is subtracted again.
     *
     * @throws IllegalStateException when a covariance of the batch's mixture is not positive definite
     */
    Tensor trainingLoss(Tensor images) {
        Representation r = represent(images, true);
        GaussianMixtureEnergy.Step mixture = GaussianMixtureEnergy.step(DoubleRows.of(r.z()), DoubleRows.of(r.gamma()),
                LAMBDA_ENERGY, LAMBDA_DIAG);
        Tensor linear = r.z().mul(DoubleRows.tensor(mixture.dz(), r.z())).sum()
                .add(r.gamma().mul(DoubleRows.tensor(mixture.dGamma(), r.gamma())).sum());
        return r.reconstructionError().add(linear.sub(linear.detach())).add(new Scalar(mixture.loss()));
    }

    /** Sums over all but the first dimension, kept as a column (N, 1). */
    private static Tensor perImageSum(Tensor t) {
        return t.flatten(1, -1).sum(new long[] {1}, true, new ScalarTypeOptional());
    }

    @Override
    public NetworkTensors tensors() {
        return tensors;
    }
}
