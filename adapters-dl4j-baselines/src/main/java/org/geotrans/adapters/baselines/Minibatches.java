package org.geotrans.adapters.baselines;

import java.util.Random;
import org.geotrans.domain.image.ImageBatch;
import org.geotrans.domain.image.ImageShape;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The normal training images as Keras's {@code fit} walks them: reshuffled every epoch, cut into
 * batches of the given size with a smaller last one. Shuffling draws from the caller's seeded
 * generator, so a seed fixes the order.
 */
final class Minibatches {
    private final ImageBatch images;

    Minibatches(ImageBatch images) {
        if (images.count() == 0) {
            throw new IllegalArgumentException("no training images");
        }
        this.images = images;
    }

    int count() {
        return images.count();
    }

    ImageShape shape() {
        return images.shape();
    }

    /** A fresh permutation of the image indices. */
    int[] shuffled(Random random) {
        int[] order = new int[images.count()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** Images {@code order[from .. from + count)} as one NHWC array. */
    INDArray gather(int[] order, int from, int count) {
        ImageShape s = images.shape();
        int size = s.size();
        float[] data = new float[count * size];
        for (int i = 0; i < count; i++) {
            System.arraycopy(images.data(), order[from + i] * size, data, i * size, size);
        }
        return Nd4j.create(data, new long[] {count, s.height(), s.width(), s.channels()}, 'c');
    }

    /** {@code count} images drawn without replacement (the reference ADGAN's data generator). */
    INDArray sample(Random random, int count) {
        int[] order = shuffled(random);
        return gather(order, 0, Math.min(count, order.length));
    }

    /** Images {@code from .. from + count} of any batch as one NHWC array. */
    static INDArray slice(ImageBatch batch, int from, int count) {
        ImageShape s = batch.shape();
        float[] data = new float[count * s.size()];
        System.arraycopy(batch.data(), from * s.size(), data, 0, data.length);
        return Nd4j.create(data, new long[] {count, s.height(), s.width(), s.channels()}, 'c');
    }

    /** An array of the given shape filled with N(0, stddev^2) draws from {@code random}. */
    static INDArray gaussian(Random random, double stddev, long... shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        float[] v = new float[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (random.nextGaussian() * stddev);
        }
        return Nd4j.create(v, shape, 'c');
    }
}
