package org.geotrans.adapters.libtorch.baselines;

import java.util.List;
import java.util.Random;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.BaselineTraining;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.training.TrainingProgressMeter;

/**
 * The baselines' training loop, as adapters-dl4j-baselines' {@code MinibatchTraining}: each epoch
 * a shuffle of the normal images drawn from {@code new Random(seed)}, minibatches of the recipe's
 * size (the last one smaller, as Keras and PyTorch train it, unless it would hold a single image,
 * which batch normalisation cannot normalise), one {@link AdamStep} per batch. libtorch's own
 * generator (dropout, noise drawn with {@code torch}) is seeded from the same seed.
 */
final class MinibatchTraining {

    /** A batch's loss: a scalar tensor computed in training mode from a batch of NCHW images. */
    @FunctionalInterface
    interface Loss {
        Tensor of(Tensor images);
    }

    private MinibatchTraining() {
    }

    /**
     * Trains every trainable tensor of {@code network} on {@code images} with the recipe's
     * learning rate and weight decay and Adam's {@code epsilon}.
     *
     * @throws IllegalStateException when the loss stops being finite
     */
    static void fit(NetworkTensors network, List<Image> images, ImageShape shape, BaselineTraining training,
                    double epsilon, Loss loss, ProgressListener listener) {
        try (AdamStep adam = new AdamStep(network.trainable(), training.learningRate(), epsilon, training.weightDecay())) {
            fit(adam, images, shape, training, loss, listener);
        }
    }

    /**
     * Trains with the caller's optimizer (e.g. over one part of a network only).
     *
     * @throws IllegalStateException when the loss stops being finite
     */
    static void fit(AdamStep adam, List<Image> images, ImageShape shape, BaselineTraining training, Loss loss,
                    ProgressListener listener) {
        BaselineRuntime.start();
        torch.manual_seed(training.seed());
        int n = images.size();
        int batch = Math.min(training.batchSize(), n);
        int batchesPerEpoch = batchesPerEpoch(n, batch);
        TrainingProgressMeter progress = new TrainingProgressMeter(listener, training.epochs(),
                (long) batchesPerEpoch * training.epochs(), (long) batchesPerEpoch * batch * training.epochs());
        Random random = new Random(training.seed());
        int[] order = identity(n);
        for (int epoch = 1; epoch <= training.epochs(); epoch++) {
            shuffle(order, random);
            for (int b = 0; b < batchesPerEpoch; b++) {
                int from = b * batch;
                int count = Math.min(batch, n - from);
                double value = adam.step(() -> loss.of(ImageTensors.gather(images, order, from, count, shape)));
                if (!Double.isFinite(value)) {
                    throw new IllegalStateException("training diverged: loss is " + value + " in epoch " + epoch
                            + "; lower the learning rate");
                }
                progress.batchDone(epoch, count, value, b == batchesPerEpoch - 1);
            }
        }
    }

    /** Batches of {@code batch} of {@code n} images, a last batch of one image left out. */
    static int batchesPerEpoch(int n, int batch) {
        int batches = (n + batch - 1) / batch;
        return n % batch == 1 ? batches - 1 : batches;
    }

    /** Fisher-Yates with {@code random}, as the DL4J loop draws it: the same seed, the same order. */
    static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }
}
