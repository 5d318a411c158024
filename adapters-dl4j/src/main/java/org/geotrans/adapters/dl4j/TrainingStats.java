package org.geotrans.adapters.dl4j;

/**
 * What a training run measured.
 *
 * @param images images (pairs) trained on
 * @param nanos wall time of the training loop
 * @param buildNanos time the background thread spent building batches (transform + copy to native)
 * @param waitNanos time the network waited for a batch (zero when prefetching keeps up)
 * @param lastLoss loss of the last minibatch, including the L2 term
 */
record TrainingStats(long images, long nanos, long buildNanos, long waitNanos, double lastLoss) {
    static final TrainingStats NONE = new TrainingStats(0, 0, 0, 0, Double.NaN);

    double imagesPerSecond() {
        return nanos == 0 ? 0 : images * 1e9 / nanos;
    }

    TrainingStats plus(TrainingStats other) {
        return new TrainingStats(images + other.images, nanos + other.nanos, buildNanos + other.buildNanos,
                waitNanos + other.waitNanos, other.lastLoss);
    }
}
