package org.geotrans.adapters.baselines;

import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.BaselineTraining;
import org.geotrans.domain.port.NetworkWeights;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.training.TrainingProgressMeter;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The baselines' training loop: each epoch a seeded shuffle of the normal images, minibatches of
 * the recipe's size (the last one smaller, as Keras and PyTorch train it, unless it would hold a
 * single image, which batch normalisation cannot normalise), one fit per batch.
 */
final class MinibatchTraining {
    private MinibatchTraining() {
    }

    /**
     * A fresh network of {@code configuration}, its weights counted before DL4J allocates them:
     * the images' shape sets the size of some layers.
     *
     * @param network what the network is, for the message ("Deep SVDD's network for 32x32x3 images")
     * @throws IllegalArgumentException when it would have more than {@link NetworkWeights#MAX} weights
     */
    static MultiLayerNetwork initialised(String network, MultiLayerConfiguration configuration) {
        NetworkWeights.check(network, weights(configuration), "use smaller images");
        MultiLayerNetwork initialised = new MultiLayerNetwork(configuration);
        initialised.init();
        return initialised;
    }

    /** The parameters DL4J will allocate for {@code configuration}, or -1 past a long. */
    static long weights(MultiLayerConfiguration configuration) {
        long weights = 0;
        for (NeuralNetConfiguration layer : configuration.getConfs()) {
            weights = NetworkWeights.plus(weights, layer.getLayer().initializer().numParams(layer));
        }
        return weights;
    }

    /**
     * Fits {@code network} on {@code images}, the labels of each batch made from its input by
     * {@code labels} (the input itself for an autoencoder).
     *
     * @throws IllegalStateException when the loss stops being finite
     */
    static void fit(MultiLayerNetwork network, List<Image> images, ImageShape shape, BaselineTraining training,
                    UnaryOperator<INDArray> labels, ProgressListener listener) {
        int n = images.size();
        int batch = Math.min(training.batchSize(), n);
        int batchesPerEpoch = (n + batch - 1) / batch;
        if (n % batch == 1) {
            batchesPerEpoch--;
        }
        TrainingProgressMeter progress = new TrainingProgressMeter(listener, training.epochs(),
                (long) batchesPerEpoch * training.epochs(), (long) batchesPerEpoch * batch * training.epochs());
        Random random = new Random(training.seed());
        int[] order = ImageArrays.identity(n);
        for (int epoch = 1; epoch <= training.epochs(); epoch++) {
            shuffle(order, random);
            for (int b = 0; b < batchesPerEpoch; b++) {
                int from = b * batch;
                int count = Math.min(batch, n - from);
                double loss;
                INDArray input = ImageArrays.nchw(images, order, from, count, shape);
                INDArray target = labels.apply(input);
                try {
                    network.fit(input, target);
                    loss = network.score();
                } finally {
                    if (target != input) {
                        target.close();
                    }
                    input.close();
                }
                if (!Double.isFinite(loss)) {
                    throw new IllegalStateException("training diverged: loss is " + loss + " in epoch " + epoch
                            + "; lower the learning rate");
                }
                progress.batchDone(epoch, count, loss, b == batchesPerEpoch - 1);
            }
        }
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /**
     * The seed handed to ND4J for a user's seed: ND4J takes 0 to mean "seed from the clock", so 0
     * (the CLI's default) is moved away by a one-to-one XOR, as adapters-dl4j's WideResNet does.
     */
    static long nd4jSeed(long seed) {
        long salt = 0x9E3779B97F4A7C15L;
        long mixed = seed ^ salt;
        return mixed != 0 ? mixed : salt;
    }
}
