package org.geotrans.adapters.libtorch.baselines;

import org.geotrans.domain.port.BaselineTraining;

/**
 * ADGAN's training and scoring budget: the WGAN trains for {@code epochs} of
 * {@code batchesPerEpoch} generator steps on batches of {@code batchSize} normal images; an
 * image's score searches {@code starts} random latent codes for {@code steps} steps each.
 *
 * @param epochs epochs of generator steps, at least 0 (0 scores with the untrained generator)
 * @param batchesPerEpoch generator steps per epoch, at least 1
 * @param batchSize real and generated images per step, at least 2 (the networks' batch norm)
 * @param learningRate the WGAN's Adam step
 * @param starts random latent codes per scored image, at least 1
 * @param steps latent and generator steps per start, at least 0
 * @param seed seed of the initial weights, the noise, the batches and the latent starts
 */
record AdganSettings(int epochs, int batchesPerEpoch, int batchSize, double learningRate, int starts, int steps,
                     long seed) {
    /** The reference's generator steps per epoch ({@code train_wgan_with_grad_penalty}'s default). */
    static final int REFERENCE_BATCHES_PER_EPOCH = 100;
    /** The reference's latent starts per image ({@code scores_from_adgan_generator}'s {@code n_seeds}). */
    static final int REFERENCE_STARTS = 8;
    /** The reference's steps per start ({@code scores_from_adgan_generator}'s {@code k}). */
    static final int REFERENCE_STEPS = 5;

    AdganSettings {
        if (epochs < 0 || batchesPerEpoch < 1 || batchSize < 2 || !(learningRate > 0) || starts < 1 || steps < 0) {
            throw new IllegalArgumentException("ADGAN needs epochs >= 0, batches per epoch >= 1, batch size >= 2, a positive"
                    + " learning rate, starts >= 1 and steps >= 0, got " + epochs + ", " + batchesPerEpoch + ", " + batchSize
                    + ", " + learningRate + ", " + starts + ", " + steps);
        }
    }

    /** The recipe's epochs, batch size, learning rate and seed with the reference's batches per epoch, starts and steps. */
    static AdganSettings of(BaselineTraining training) {
        return new AdganSettings(training.epochs(), REFERENCE_BATCHES_PER_EPOCH, training.batchSize(),
                training.learningRate(), REFERENCE_STARTS, REFERENCE_STEPS, training.seed());
    }

    /** The generator steps of the whole training. */
    long generatorSteps() {
        return (long) epochs * batchesPerEpoch;
    }
}
