package org.geotrans.domain.training;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.geotrans.domain.image.ImageBatch;
import org.geotrans.domain.image.ImageShape;

/**
 * Every (image, transformation) pair once per epoch, in an order shuffled by the seed and the
 * epoch number, built into batches lazily. Memory is one int per pair for the order plus one
 * batch at a time, whatever the number of transformations.
 */
public final class ShuffledPairBatches implements TrainingBatches {
    private final TransformedImages data;
    private final int batchSize;
    private final long seed;

    public ShuffledPairBatches(TransformedImages data, int batchSize, long seed) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        long pairs = (long) data.imageCount() * data.transformationCount();
        if (pairs > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(pairs + " (image, transformation) pairs is more than one epoch can index");
        }
        this.data = data;
        this.batchSize = batchSize;
        this.seed = seed;
    }

    @Override
    public ImageShape shape() {
        return data.shape();
    }

    @Override
    public int classes() {
        return data.transformationCount();
    }

    @Override
    public long pairsPerEpoch() {
        return (long) data.imageCount() * data.transformationCount();
    }

    @Override
    public long batchesPerEpoch() {
        return (pairsPerEpoch() + batchSize - 1) / batchSize;
    }

    /** The pair order of an epoch: pair p is image p / k under transformation p % k. */
    int[] order(int epoch) {
        int n = (int) pairsPerEpoch();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    @Override
    public Iterator<LabeledBatch> epoch(int epoch) {
        return epoch(epoch, 0);
    }

    /** The order depends only on the seed and the epoch, so a resumed epoch starts at its batch directly. */
    @Override
    public Iterator<LabeledBatch> epoch(int epoch, long firstBatch) {
        if (firstBatch < 0 || firstBatch > batchesPerEpoch()) {
            throw new IllegalArgumentException("batch " + firstBatch + " is outside an epoch of " + batchesPerEpoch());
        }
        int[] order = order(epoch);
        int k = data.transformationCount();
        int size = data.shape().size();
        int start = (int) Math.min(order.length, firstBatch * batchSize);
        return new Iterator<>() {
            private int next = start;

            @Override
            public boolean hasNext() {
                return next < order.length;
            }

            @Override
            public LabeledBatch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int count = Math.min(batchSize, order.length - next);
                float[] pixels = new float[count * size];
                int[] labels = new int[count];
                for (int b = 0; b < count; b++) {
                    int pair = order[next + b];
                    labels[b] = pair % k;
                    data.writeInto(pair / k, labels[b], pixels, b * size);
                }
                next += count;
                return new LabeledBatch(new ImageBatch(data.shape(), count, pixels), labels);
            }
        };
    }
}
