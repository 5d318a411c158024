package org.geotrans.domain.training;

/**
 * Where a training stands between two steps: {@code step} of {@code totalSteps} minibatch steps
 * are done, and the next one fits batch {@code batch} of epoch {@code epoch} (both 0-based) of
 * the {@link TrainingBatches} stream. Since an epoch's order is a pure function of the seed and
 * the epoch, this is all a restarted process needs to feed the same batches again.
 *
 * @param epoch the epoch of the next batch; equals the number of epochs once training is finished
 * @param batch the index of the next batch within its epoch
 * @param step steps done so far over all epochs
 * @param totalSteps steps of the whole training
 */
public record TrainingPosition(int epoch, long batch, long step, long totalSteps) {
    public TrainingPosition {
        if (epoch < 0 || batch < 0 || step < 0 || totalSteps < 0 || step > totalSteps) {
            throw new IllegalArgumentException("impossible training position: epoch " + epoch + ", batch " + batch
                    + ", step " + step + " of " + totalSteps);
        }
    }

    /** Before the first step. */
    public static TrainingPosition start(long totalSteps) {
        return new TrainingPosition(0, 0, 0, totalSteps);
    }

    /** The position after one more step, in a stream of {@code batchesPerEpoch} batches per epoch. */
    public TrainingPosition next(long batchesPerEpoch) {
        return batch + 1 >= batchesPerEpoch ? new TrainingPosition(epoch + 1, 0, step + 1, totalSteps)
                : new TrainingPosition(epoch, batch + 1, step + 1, totalSteps);
    }

    /** Whether every step is done. */
    public boolean finished() {
        return step == totalSteps;
    }
}
