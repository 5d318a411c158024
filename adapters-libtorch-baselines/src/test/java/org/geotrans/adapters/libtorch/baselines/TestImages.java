package org.geotrans.adapters.libtorch.baselines;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.bytedeco.pytorch.Tensor;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageBatch;
import org.geotrans.domain.image.ImageShape;

/** Images for the baselines' tests: a batch's as a list, random ones, and as one input tensor. */
final class TestImages {
    private TestImages() {
    }

    /** The images of {@code batch}, in order. */
    static List<Image> of(ImageBatch batch) {
        return IntStream.range(0, batch.count()).mapToObj(batch::image).toList();
    }

    /** {@code count} images of uniform noise in [-1, 1] drawn from {@code seed}. */
    static List<Image> random(ImageShape shape, int count, long seed) {
        Random random = new Random(seed);
        List<Image> images = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            float[] values = new float[shape.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = 2 * random.nextFloat() - 1;
            }
            images.add(new Image(shape, values));
        }
        return images;
    }

    /** All {@code images} as one NCHW tensor, as the networks are fed. */
    static Tensor tensor(List<Image> images, ImageShape shape) {
        return ImageTensors.slice(images, 0, images.size(), shape);
    }
}
