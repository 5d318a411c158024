package org.geotrans.domain.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import org.junit.jupiter.api.Test;

class LabeledImagesTest {
    private static final ImageShape SHAPE = new ImageShape(2, 2, 1);

    @Test
    void onlyClassesKeepsTheImagesOfThoseClassesInOrderAndEveryClassName() {
        List<Image> images = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            images.add(new Image(SHAPE, new float[] {i, i, i, i}));
        }
        LabeledImages all = new LabeledImages(SHAPE, images, new int[] {0, 1, 2, 1, 0, 2}, List.of("a", "b", "c"));

        LabeledImages kept = all.onlyClasses(Set.of(1, 2));

        assertArrayEquals(new int[] {1, 2, 1, 2}, kept.labels());
        assertEquals(List.of(images.get(1), images.get(2), images.get(3), images.get(5)), kept.images());
        assertEquals(List.of("a", "b", "c"), kept.classNames());
    }
}
