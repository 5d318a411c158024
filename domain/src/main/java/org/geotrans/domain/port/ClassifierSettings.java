package org.geotrans.domain.port;

/**
 * How to build and train the transformation classifier: a Wide ResNet WRN-depth-widen trained
 * with Adam, as in the paper.
 *
 * @param depth WRN depth, 6n + 4 (10 for WRN-10-4, 16 for WRN-16-8)
 * @param widen WRN widening factor k
 * @param epochs passes over all (image, transformation) pairs; the paper uses ceil(200 / k)
 * @param batchSize minibatch size (128 in the paper)
 * @param learningRate Adam learning rate (0.001 is Adam's default)
 * @param weightDecay L2 coefficient (the reference's 0.5 x 5e-4)
 * @param seed seeds initialisation and the data order
 */
public record ClassifierSettings(int depth, int widen, int epochs, int batchSize, double learningRate,
                                 double weightDecay, long seed) {

    public static final double PAPER_WEIGHT_DECAY = 0.5 * 5e-4;

    public ClassifierSettings {
        if (depth < 4 || (depth - 4) % 6 != 0) {
            throw new IllegalArgumentException("WRN depth must be 6n + 4 (10, 16, 22, 28, ...), got " + depth);
        }
        if (widen < 1) {
            throw new IllegalArgumentException("WRN widening factor must be at least 1, got " + widen);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        }
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be zero or positive, got " + weightDecay);
        }
    }

    /** The paper's epoch rule: ceil(200 / k). */
    public static int paperEpochs(int transformations) {
        return (int) Math.ceil(200.0 / transformations);
    }

    /** Number of residual blocks per group, (depth - 4) / 6. */
    public int blocksPerGroup() {
        return (depth - 4) / 6;
    }

    public String networkName() {
        return "WRN-" + depth + "-" + widen;
    }
}
