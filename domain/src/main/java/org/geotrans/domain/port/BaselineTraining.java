package org.geotrans.domain.port;

/**
 * How a deep baseline of the paper's Table 1 trains on the normal images: epochs, batch size,
 * Adam's learning rate, L2 weight decay and the seed of its initialisation and data order. The
 * factories hold each baseline's published recipe, so that the command line and Weka train it
 * alike.
 *
 * @param epochs passes over the normal training images, at least 1
 * @param batchSize images per step, at least 1
 * @param learningRate Adam's step size, in (0, 10]
 * @param weightDecay L2 coefficient on the weights, in [0, 1]
 * @param seed seed of the initial weights and the shuffling
 */
public record BaselineTraining(int epochs, int batchSize, double learningRate, double weightDecay, long seed) {

    /** The epochs the paper trains its deep baselines for (ADGAN: half of it). */
    public static final int PAPER_EPOCHS = 200;

    public BaselineTraining {
        if (epochs < 1 || epochs > ClassifierSettings.MAX_EPOCHS) {
            throw new IllegalArgumentException("baseline epochs must be 1.." + ClassifierSettings.MAX_EPOCHS + ", got " + epochs);
        }
        if (batchSize < 1 || batchSize > 8192) {
            throw new IllegalArgumentException("baseline batch size must be 1..8192, got " + batchSize);
        }
        if (!(learningRate > 0 && learningRate <= 10)) {
            throw new IllegalArgumentException("baseline learning rate must be in (0, 10], got " + learningRate);
        }
        if (!(weightDecay >= 0 && weightDecay <= 1)) {
            throw new IllegalArgumentException("baseline weight decay must be in [0, 1], got " + weightDecay);
        }
    }

    /**
     * The convolutional autoencoder of CAE-OC-SVM as the paper's reference code trains it: mean
     * squared error, Adam with Keras's default step 1e-3, batch 128, no weight decay.
     */
    public static BaselineTraining autoencoder(int epochs, long seed) {
        return new BaselineTraining(epochs, 128, 1e-3, 0, seed);
    }

    /**
     * One-Class Deep SVDD as Ruff et al. (ICML 2018) train it on CIFAR-10: Adam with step 1e-4,
     * batch 200, weight decay 0.5e-6.
     */
    public static BaselineTraining deepSvdd(int epochs, long seed) {
        return new BaselineTraining(epochs, 200, 1e-4, 0.5e-6, seed);
    }

    /** DSEBM as the paper's reference code trains it: Adam with step 1e-3, batch 128, no weight decay. */
    public static BaselineTraining dsebm(int epochs, long seed) {
        return new BaselineTraining(epochs, 128, 1e-3, 0, seed);
    }

    /** DAGMM as the paper's reference code trains it: Adam with step 1e-3, batch 256, no weight decay. */
    public static BaselineTraining dagmm(int epochs, long seed) {
        return new BaselineTraining(epochs, 256, 1e-3, 0, seed);
    }

    /** The epochs the paper trains ADGAN for, each of 100 batches. */
    public static final int ADGAN_PAPER_EPOCHS = 100;

    /** ADGAN's WGAN as the paper's reference code trains it: Adam with step 1e-4, batch 128, no weight decay. */
    public static BaselineTraining adgan(int epochs, long seed) {
        return new BaselineTraining(epochs, 128, 1e-4, 0, seed);
    }

    /** {@code paperEpochs} scaled by the share of the paper's 200 epochs that {@code epochsFor200} stands for; at least 1. */
    public static int scaledEpochs(int paperEpochs, int epochsFor200) {
        return Math.max(1, (int) Math.round(paperEpochs * (double) epochsFor200 / PAPER_EPOCHS));
    }
}
