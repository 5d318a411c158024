package org.geotrans.domain.port;

import org.geotrans.domain.image.ImageShape;

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

    /** The most weights a network may have: WRN-28-10 has 36 million, WRN-16-8 11 million. */
    public static final long MAX_WEIGHTS = 200_000_000L;
    public static final int MAX_EPOCHS = 10_000;
    public static final int MAX_BATCH_SIZE = 8_192;
    public static final double MAX_LEARNING_RATE = 10;
    public static final double MAX_WEIGHT_DECAY = 1;

    public ClassifierSettings {
        if (depth < 4 || depth > 1000 || (depth - 4) % 6 != 0) {
            throw new IllegalArgumentException("WRN depth must be 6n + 4 (10, 16, 22, 28, ...) up to 1000, got " + depth);
        }
        if (widen < 1) {
            throw new IllegalArgumentException("WRN widening factor must be at least 1, got " + widen);
        }
        double weights = approximateWeights(depth, widen);
        if (weights > MAX_WEIGHTS) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "WRN-%d-%d would have about %.3g weights; at most %,d are allowed (4 bytes each, and training keeps"
                            + " 3 more copies), e.g. widening factor 1..%d at depth %d",
                    depth, widen, weights, MAX_WEIGHTS, maxWiden(depth), depth));
        }
        if (epochs < 1 || epochs > MAX_EPOCHS) {
            throw new IllegalArgumentException("epochs must be 1.." + MAX_EPOCHS + ", got " + epochs);
        }
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("batch size must be 1.." + MAX_BATCH_SIZE + ", got " + batchSize);
        }
        if (!(learningRate > 0 && learningRate <= MAX_LEARNING_RATE)) {
            throw new IllegalArgumentException("learning rate must be in (0, " + MAX_LEARNING_RATE + "], got " + learningRate);
        }
        if (!(weightDecay >= 0 && weightDecay <= MAX_WEIGHT_DECAY)) {
            throw new IllegalArgumentException("weight decay must be in [0, " + MAX_WEIGHT_DECAY + "], got " + weightDecay);
        }
    }

    /**
     * Checks the network these settings make for {@code shape}'s images and {@code classes}
     * transformations, before it is built: at least 2 outputs, and the stem and dense layer,
     * which grow with the channels, the outputs (a saved model's header names both) and the
     * pooled cells of large images ({@link #pooledCells}), within
     * {@link #MAX_WEIGHTS} with the convolutions.
     *
     * @throws IllegalArgumentException naming the network when it would be too large
     */
    public void checkNetwork(ImageShape shape, int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException("the classifier needs at least 2 transformations, got " + classes);
        }
        long dense = NetworkWeights.product(64L * widen * classes, pooledCells(shape));
        long stemAndDense = NetworkWeights.plus(9L * 16 * shape.channels(), dense);
        NetworkWeights.check(String.format(java.util.Locale.ROOT, "%s for %s images and %,d transformations", networkName(),
                shape, classes), NetworkWeights.plus((long) approximateWeights(depth, widen), stemAndDense), "");
    }

    /** The reference's AveragePooling2D window after the last group. */
    public static final int POOL_WINDOW = 8;

    /**
     * The values per channel that reach the dense layer: the reference pools the last group's maps
     * (each side halved twice by strided "same" convolutions, rounding up) in 8x8 windows and
     * flattens, so 1 for 32x32 images and 2x2 for 64x64. Maps whose sides are not multiples of 8,
     * which the reference's pooling would crop, are pooled globally instead: 1.
     */
    public static long pooledCells(ImageShape shape) {
        long height = (shape.height() + 3L) / 4;
        long width = (shape.width() + 3L) / 4;
        if (height % POOL_WINDOW != 0 || width % POOL_WINDOW != 0) {
            return 1;
        }
        return (height / POOL_WINDOW) * (width / POOL_WINDOW);
    }

    /**
     * The weights of WRN-depth-widen's convolutions (3x3, and 1x1 where the width changes), which
     * are nearly all of them: the stem, the batch norms and the dense layer add less than 1 %.
     */
    public static double approximateWeights(int depth, int widen) {
        int blocks = (depth - 4) / 6;
        double weights = 9.0 * 3 * 16;
        double in = 16;
        for (double width : new double[] {16.0 * widen, 32.0 * widen, 64.0 * widen}) {
            for (int b = 0; b < blocks; b++) {
                weights += 9 * in * width + 9 * width * width + (in != width ? in * width : 0);
                in = width;
            }
        }
        return weights;
    }

    private static int maxWiden(int depth) {
        int w = 1;
        while (approximateWeights(depth, w + 1) <= MAX_WEIGHTS) {
            w++;
        }
        return w;
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
