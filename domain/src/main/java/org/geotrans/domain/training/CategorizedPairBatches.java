package org.geotrans.domain.training;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.geotrans.domain.image.ImageBatch;
import org.geotrans.domain.image.ImageShape;

/**
 * Every (image, transformation) pair of a labelled image set once per epoch, each labelled twice:
 * with its image's category and with the transformation. The order is the one
 * {@link ShuffledPairBatches} gives for the same seed, so the two streams shuffle alike.
 */
public final class CategorizedPairBatches {
    private final TransformedImages data;
    private final int[] categories;
    private final int categoryCount;
    private final ShuffledPairBatches order;
    private final int batchSize;

    /**
     * @param categories the category of each image, 0 .. {@code categoryCount - 1}
     * @throws IllegalArgumentException when a category is out of range, the counts differ or a
     *     category has no image
     */
    public CategorizedPairBatches(TransformedImages data, int[] categories, int categoryCount, int batchSize, long seed) {
        if (categories.length != data.imageCount()) {
            throw new IllegalArgumentException(data.imageCount() + " images but " + categories.length + " categories");
        }
        if (categoryCount < 2) {
            throw new IllegalArgumentException("the category head needs at least 2 categories, got " + categoryCount);
        }
        boolean[] seen = new boolean[categoryCount];
        for (int i = 0; i < categories.length; i++) {
            if (categories[i] < 0 || categories[i] >= categoryCount) {
                throw new IllegalArgumentException("image " + i + " has category " + categories[i] + ", expected 0.."
                        + (categoryCount - 1));
            }
            seen[categories[i]] = true;
        }
        for (int c = 0; c < categoryCount; c++) {
            if (!seen[c]) {
                throw new IllegalArgumentException("category " + c + " has no training image");
            }
        }
        this.data = data;
        this.categories = categories.clone();
        this.categoryCount = categoryCount;
        this.order = new ShuffledPairBatches(data, batchSize, seed);
        this.batchSize = batchSize;
    }

    public ImageShape shape() {
        return data.shape();
    }

    public int categoryCount() {
        return categoryCount;
    }

    public int transformationCount() {
        return data.transformationCount();
    }

    public long pairsPerEpoch() {
        return order.pairsPerEpoch();
    }

    public long batchesPerEpoch() {
        return order.batchesPerEpoch();
    }

    /** The batches of epoch {@code epoch} (0-based), in a seed-determined shuffled order. */
    public Iterator<CategorizedBatch> epoch(int epoch) {
        int[] pairs = order.order(epoch);
        int k = data.transformationCount();
        int size = data.shape().size();
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < pairs.length;
            }

            @Override
            public CategorizedBatch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int count = Math.min(batchSize, pairs.length - next);
                float[] pixels = new float[count * size];
                int[] imageCategories = new int[count];
                int[] transformations = new int[count];
                for (int b = 0; b < count; b++) {
                    int pair = pairs[next + b];
                    transformations[b] = pair % k;
                    imageCategories[b] = categories[pair / k];
                    data.writeInto(pair / k, transformations[b], pixels, b * size);
                }
                next += count;
                return new CategorizedBatch(new ImageBatch(data.shape(), count, pixels), imageCategories, transformations);
            }
        };
    }
}
