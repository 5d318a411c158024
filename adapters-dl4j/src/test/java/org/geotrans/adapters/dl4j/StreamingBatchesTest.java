package org.geotrans.adapters.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.training.LabeledBatch;
import org.geotrans.domain.training.ShuffledPairBatches;
import org.geotrans.domain.training.TransformedImages;
import org.geotrans.domain.transform.TransformationSet;
import org.junit.jupiter.api.Test;

/** The background stream the trainer consumes: complete, exact and reproducible. */
class StreamingBatchesTest {
    private static final ImageShape SHAPE = new ImageShape(8, 8, 3);
    private static final int IMAGES = 37;

    /** Image i is constant i, and geometric transformations keep constant images constant. */
    private static ShuffledPairBatches batches(long seed) {
        List<Image> images = new ArrayList<>();
        for (int i = 0; i < IMAGES; i++) {
            float[] v = new float[SHAPE.size()];
            java.util.Arrays.fill(v, i);
            images.add(new Image(SHAPE, v));
        }
        return new ShuffledPairBatches(new TransformedImages(images, TransformationSet.paper72(2)), 16, seed);
    }

    /** (image, transformation) pairs in the order the prefetching stream delivers them. */
    private static List<Integer> pairs(ShuffledPairBatches data, int epoch) {
        List<Integer> pairs = new ArrayList<>();
        try (Prefetcher<LabeledBatch> stream = new Prefetcher<>(data.epoch(epoch), 2, b -> { }, "test")) {
            while (stream.hasNext()) {
                LabeledBatch batch = stream.next();
                for (int b = 0; b < batch.images().count(); b++) {
                    int image = (int) batch.images().data()[b * SHAPE.size()];
                    pairs.add(image * 72 + batch.transformationIndices()[b]);
                }
            }
        }
        return pairs;
    }

    @Test
    void givenAnEpoch_thenEveryImageTransformationPairComesExactlyOnce() {
        List<Integer> pairs = pairs(batches(5), 0);
        assertEquals(IMAGES * 72, pairs.size());
        assertEquals(IMAGES * 72, pairs.stream().distinct().count());
    }

    @Test
    void givenTheSameSeed_thenTheOrderIsTheSame_andItChangesWithSeedAndEpoch() {
        List<Integer> first = pairs(batches(5), 0);
        assertEquals(first, pairs(batches(5), 0));
        assertNotEquals(first, pairs(batches(6), 0));
        assertNotEquals(first, pairs(batches(5), 1));
    }

    @Test
    void givenAFailingSource_thenTheConsumerSeesTheCause() {
        Iterator<Integer> failing = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                throw new IllegalArgumentException("broken image");
            }
        };
        try (Prefetcher<Integer> stream = new Prefetcher<>(failing, 2, i -> { }, "test")) {
            IllegalStateException e = assertThrows(IllegalStateException.class, stream::hasNext);
            assertTrue(e.getMessage().contains("broken image"), e.getMessage());
        }
    }

    @Test
    void givenTheConsumerStopsEarly_thenQueuedItemsAreDiscarded() throws InterruptedException {
        AtomicInteger produced = new AtomicInteger();
        AtomicInteger discarded = new AtomicInteger();
        Iterator<Integer> endless = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                return produced.incrementAndGet();
            }
        };
        Prefetcher<Integer> stream = new Prefetcher<>(endless, 3, i -> discarded.incrementAndGet(), "test");
        stream.next();
        Thread.sleep(50);
        stream.close();
        assertTrue(discarded.get() >= 1, "queued items discarded: " + discarded.get());
        assertTrue(discarded.get() <= produced.get() - 1);
    }
}
