package org.geotrans.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.geotrans.domain.data.Dataset;
import org.geotrans.domain.data.LabeledImages;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;

/** Small synthetic raw images: class c is a horizontal (c = 0) or vertical (c = 1) bar pattern plus noise. */
public final class TestImages {
    public static final ImageShape SHAPE = new ImageShape(8, 8, 1);

    private TestImages() {
    }

    public static Image image(int cls, Random r) {
        float[] v = new float[SHAPE.size()];
        for (int row = 0; row < 8; row++) {
            for (int col = 0; col < 8; col++) {
                boolean bar = cls == 0 ? row % 4 < 2 : col % 4 < 2;
                v[row * 8 + col] = Math.max(0, Math.min(255, (bar ? 200 : 40) + (float) r.nextGaussian() * 20));
            }
        }
        return new Image(SHAPE, v);
    }

    public static LabeledImages labeled(int perClass, long seed) {
        Random r = new Random(seed);
        List<Image> images = new ArrayList<>();
        int[] labels = new int[2 * perClass];
        for (int i = 0; i < 2 * perClass; i++) {
            labels[i] = i % 2;
            images.add(image(labels[i], r));
        }
        return new LabeledImages(SHAPE, images, labels, List.of("horizontal", "vertical"));
    }

    public static Dataset dataset() {
        return new Dataset("bars", labeled(30, 1), labeled(20, 2));
    }
}
