package org.geotrans.domain.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageBatch;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.transform.TransformationSet;
import org.junit.jupiter.api.Test;

class ShuffledPairBatchesTest {
    private static final ImageShape SHAPE = new ImageShape(4, 4, 1);

    /** Image i has every pixel value i*100 + pixel index, so a batch row names its image and transformation. */
    private static List<Image> images(int n) {
        List<Image> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] v = new float[16];
            for (int p = 0; p < 16; p++) {
                v[p] = i * 100 + p;
            }
            list.add(new Image(SHAPE, v));
        }
        return list;
    }

    @Test
    void everyPairAppearsExactlyOncePerEpochWithTheRightPixels() {
        List<Image> images = images(7);
        TransformationSet set = TransformationSet.simple8();
        ShuffledPairBatches batches = new ShuffledPairBatches(new TransformedImages(images, set), 5, 42);
        assertEquals(56, batches.pairsPerEpoch());
        assertEquals(12, batches.batchesPerEpoch());
        Set<String> seen = new HashSet<>();
        int batchCount = 0;
        for (Iterator<LabeledBatch> it = batches.epoch(0); it.hasNext(); batchCount++) {
            LabeledBatch b = it.next();
            for (int i = 0; i < b.images().count(); i++) {
                Image got = b.images().image(i);
                int t = b.transformationIndices()[i];
                int image = (int) got.pixels()[0] / 100; // every transformed pixel still carries its image id
                assertEquals(set.get(t).apply(images.get(image)), got);
                seen.add(image + "/" + t);
            }
        }
        assertEquals(12, batchCount);
        assertEquals(56, seen.size());
    }

    @Test
    void theOrderDependsOnTheSeedAndTheEpochOnly() {
        TransformedImages data = new TransformedImages(images(20), TransformationSet.simple8());
        ShuffledPairBatches a = new ShuffledPairBatches(data, 16, 7);
        ShuffledPairBatches b = new ShuffledPairBatches(data, 16, 7);
        ShuffledPairBatches c = new ShuffledPairBatches(data, 16, 8);
        assertArrayEquals(a.order(0), b.order(0));
        assertArrayEquals(a.order(3), b.order(3));
        assertFalse(java.util.Arrays.equals(a.order(0), a.order(1)));
        assertFalse(java.util.Arrays.equals(a.order(0), c.order(0)));
    }

    @Test
    void batchesUnderOneTransformationKeepTheImageOrder() {
        List<Image> images = images(5);
        TransformationSet set = TransformationSet.simple8();
        ImageBatch batch = new TransformedImages(images, set).batch(1, 4, 6);
        assertEquals(3, batch.count());
        for (int i = 0; i < 3; i++) {
            assertEquals(set.get(6).apply(images.get(i + 1)), batch.image(i));
        }
    }

    @Test
    void anEpochResumedAtABatchGivesTheSameBatchesAsTheUninterruptedEpoch() {
        ShuffledPairBatches batches = new ShuffledPairBatches(new TransformedImages(images(7), TransformationSet.simple8()), 5, 42);
        List<LabeledBatch> whole = new ArrayList<>();
        batches.epoch(1).forEachRemaining(whole::add);
        for (int from : new int[] {0, 1, 7, 11, 12}) {
            List<LabeledBatch> resumed = new ArrayList<>();
            // a new stream, as in a new process: the order depends on the seed and the epoch only
            new ShuffledPairBatches(new TransformedImages(images(7), TransformationSet.simple8()), 5, 42)
                    .epoch(1, from).forEachRemaining(resumed::add);
            assertEquals(whole.size() - from, resumed.size(), "batches left after " + from);
            for (int b = 0; b < resumed.size(); b++) {
                assertArrayEquals(whole.get(from + b).transformationIndices(), resumed.get(b).transformationIndices());
                assertArrayEquals(whole.get(from + b).images().data(), resumed.get(b).images().data());
            }
        }
    }

    @Test
    void positionsAdvanceThroughEpochs() {
        TrainingPosition p = TrainingPosition.start(6);
        for (int i = 0; i < 3; i++) {
            p = p.next(3);
        }
        assertEquals(new TrainingPosition(1, 0, 3, 6), p);
        assertFalse(p.finished());
    }
}
