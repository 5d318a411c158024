package org.geotrans.domain.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.transform.TransformationSet;
import org.junit.jupiter.api.Test;

class CategorizedPairBatchesTest {
    private static final ImageShape SHAPE = new ImageShape(4, 4, 1);
    private static final int[] CATEGORIES = {0, 2, 1, 1, 0, 2, 2};

    /** Image i has every pixel value i*100 + pixel index, so a batch row names its image. */
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
    void everyPairComesOncePerEpochLabelledWithItsImagesCategoryAndItsTransformation() {
        TransformationSet set = TransformationSet.simple8();
        TransformedImages data = new TransformedImages(images(7), set);
        CategorizedPairBatches batches = new CategorizedPairBatches(data, CATEGORIES, 3, 5, 42);
        assertEquals(56, batches.pairsPerEpoch());
        assertEquals(12, batches.batchesPerEpoch());
        Set<Integer> seen = new HashSet<>();
        float[] expected = new float[16];
        for (Iterator<CategorizedBatch> it = batches.epoch(0); it.hasNext(); ) {
            CategorizedBatch batch = it.next();
            for (int b = 0; b < batch.images().count(); b++) {
                float[] row = batch.images().image(b).pixels();
                int image = -1;
                for (int i = 0; i < 7 && image < 0; i++) {
                    data.writeInto(i, batch.transformationIndices()[b], expected, 0);
                    if (java.util.Arrays.equals(expected, row)) {
                        image = i;
                    }
                }
                assertTrue(image >= 0, "row " + b + " is an image under its labelled transformation");
                assertEquals(CATEGORIES[image], batch.categories()[b], "category of image " + image);
                assertTrue(seen.add(image * 8 + batch.transformationIndices()[b]), "pair repeated");
            }
        }
        assertEquals(56, seen.size());
    }

    @Test
    void theOrderIsTheSingleHeadStreamsForTheSameSeed() {
        TransformedImages data = new TransformedImages(images(7), TransformationSet.simple8());
        Iterator<CategorizedBatch> two = new CategorizedPairBatches(data, CATEGORIES, 3, 5, 9).epoch(1);
        Iterator<LabeledBatch> one = new ShuffledPairBatches(data, 5, 9).epoch(1);
        while (one.hasNext()) {
            LabeledBatch a = one.next();
            CategorizedBatch b = two.next();
            assertArrayEquals(a.transformationIndices(), b.transformationIndices());
            assertArrayEquals(a.images().data(), b.images().data());
        }
    }

    @Test
    void categoriesOutOfRangeOrWithoutImagesAreRefused() {
        TransformedImages data = new TransformedImages(images(3), TransformationSet.simple8());
        assertThrows(IllegalArgumentException.class, () -> new CategorizedPairBatches(data, new int[] {0, 1, 3}, 3, 2, 0));
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> new CategorizedPairBatches(data, new int[] {0, 0, 2}, 3, 2, 0));
        assertEquals("category 1 has no training image", empty.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CategorizedPairBatches(data, new int[] {0, 1}, 2, 2, 0));
    }
}
