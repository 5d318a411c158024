package org.geotrans.domain.training;

import java.util.Iterator;
import org.geotrans.domain.image.ImageShape;

/**
 * The self-labeled training data as a stream of minibatches, epoch by epoch. Batches are built
 * when asked for, so the k x N transformed set never exists in memory at once.
 */
public interface TrainingBatches {
    /** Input shape of every batch. */
    ImageShape shape();

    /** Number of classes (transformations). */
    int classes();

    /** Number of (image, transformation) pairs in one epoch. */
    long pairsPerEpoch();

    /** Batches in one epoch (the last one may be smaller). */
    long batchesPerEpoch();

    /** The batches of epoch {@code epoch} (0-based), in a seed-determined shuffled order. */
    Iterator<LabeledBatch> epoch(int epoch);

    /**
     * The batches of epoch {@code epoch} from batch {@code firstBatch} on: the same batches
     * {@link #epoch(int)} gives after its first {@code firstBatch}, for a training that resumes.
     * This default builds and drops the skipped batches; streams whose order is a function of the
     * seed and the epoch jump there directly.
     */
    default Iterator<LabeledBatch> epoch(int epoch, long firstBatch) {
        if (firstBatch < 0 || firstBatch > batchesPerEpoch()) {
            throw new IllegalArgumentException("batch " + firstBatch + " is outside an epoch of " + batchesPerEpoch());
        }
        Iterator<LabeledBatch> batches = epoch(epoch);
        for (long b = 0; b < firstBatch; b++) {
            batches.next();
        }
        return batches;
    }
}
