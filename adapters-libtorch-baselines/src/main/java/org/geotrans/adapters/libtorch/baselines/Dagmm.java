package org.geotrans.adapters.libtorch.baselines;

import static org.bytedeco.pytorch.global.torch.cat;

import java.util.Arrays;
import java.util.List;
import org.bytedeco.pytorch.TensorVector;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.mixture.GaussianMixtureEnergy;
import org.geotrans.domain.port.BaselineTraining;
import org.geotrans.domain.port.ImageDetector;
import org.geotrans.domain.port.ProgressListener;

/**
 * DAGMM (Zong et al., ICLR 2018) as the paper's code trains it and adapters-dl4j-baselines'
 * {@code Dagmm} mirrors it: the {@link DagmmNetwork} trained end to end with Adam (batch 256 in the
 * recipe), then the Gaussian mixture fitted once on all normal training images without dropout and
 * with batch norm's moving statistics (the reference keeps the last batch's). The score of an
 * image is minus its sample energy under that mixture (higher = more normal).
 *
 * <p>The recipe's weight decay, if any, applies to the kernels as for every libtorch baseline (the
 * paper's recipe has none; the DL4J version ignores it).
 */
final class Dagmm implements ImageDetector, TensorNetwork {
    private final DagmmNetwork network;
    private final GaussianMixtureEnergy.Mixture mixture;
    private final ImageShape shape;
    private final int epochs;

    private Dagmm(DagmmNetwork network, GaussianMixtureEnergy.Mixture mixture, ImageShape shape, int epochs) {
        this.network = network;
        this.mixture = mixture;
        this.shape = shape;
        this.epochs = epochs;
    }

    /**
     * Trains on the normal images with {@code training}'s recipe, then fits the mixture on them.
     *
     * @throws IllegalArgumentException for fewer than 2 images, mixed shapes, a shape the encoder
     *     cannot halve down to 4x4, or batches of one image (a mixture needs two)
     * @throws IllegalStateException when the loss stops being finite
     */
    static Dagmm train(List<Image> normal, BaselineTraining training, ProgressListener listener) {
        ImageShape shape = ImageShape.sharedBy(normal, 2);
        if (training.batchSize() < 2) {
            throw new IllegalArgumentException("DAGMM fits a mixture to each batch and needs batches of at least 2 images, "
                    + "got batch size " + training.batchSize());
        }
        DagmmNetwork network = new DagmmNetwork(shape, training.seed());
        try {
            MinibatchTraining.fit(network.tensors(), normal, shape, training, AdamStep.KERAS_EPSILON,
                    network::trainingLoss, listener);
            return new Dagmm(network, fitMixture(network, normal, shape), shape, training.epochs());
        } catch (RuntimeException e) {
            network.close();
            throw e;
        }
    }

    /** The mixture that the trained networks' memberships define on the normal images' z. */
    private static GaussianMixtureEnergy.Mixture fitMixture(DagmmNetwork network, List<Image> normal, ImageShape shape) {
        float[][] rows = BatchedInference.rows(normal, shape, x -> {
            DagmmNetwork.Representation r = network.represent(x, false);
            return cat(new TensorVector(r.z(), r.gamma()), 1);
        }, ProgressListener.SILENT);
        double[][] z = new double[rows.length][];
        double[][] gamma = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            z[i] = widen(Arrays.copyOfRange(rows[i], 0, DagmmNetwork.FEATURES));
            gamma[i] = widen(Arrays.copyOfRange(rows[i], DagmmNetwork.FEATURES, rows[i].length));
        }
        return GaussianMixtureEnergy.fit(z, gamma);
    }

    /** Minus the sample energy of each image's z under the fitted mixture. */
    @Override
    public double[] scores(List<Image> images, ProgressListener progress) {
        float[][] z = BatchedInference.rows(images, shape, x -> network.represent(x, false).z(), progress);
        double[] scores = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            scores[i] = -mixture.energy(widen(z[i]));
        }
        return scores;
    }

    @Override
    public String describe() {
        return "DAGMM on libtorch, DCGAN-shaped autoencoder with a " + DagmmNetwork.CODE + "-d linear code, estimation "
                + "network 64-10-" + DagmmNetwork.COMPONENTS + ", " + epochs + " epochs, input " + shape;
    }

    @Override
    public NetworkTensors tensors() {
        return network.tensors();
    }

    private static double[] widen(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
