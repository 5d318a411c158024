package org.geotrans.adapters.libtorch.baselines;

import java.util.List;
import org.bytedeco.pytorch.Tensor;
import org.geotrans.adapters.libtorch.Tensors;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;

/** Domain images into the networks' input tensors: NCHW, channels-last in memory (NHWC as the images are). */
final class ImageTensors {
    private ImageTensors() {
    }

    /**
     * Images {@code order[from .. from + count)} as one tensor.
     *
     * @throws IllegalArgumentException when an image's shape is not {@code expected}
     */
    static Tensor gather(List<Image> images, int[] order, int from, int count, ImageShape expected) {
        int size = expected.size();
        float[] data = new float[count * size];
        for (int i = 0; i < count; i++) {
            Image image = images.get(order == null ? from + i : order[from + i]);
            if (!image.shape().equals(expected)) {
                throw new IllegalArgumentException("image has shape " + image.shape() + ", the network expects " + expected);
            }
            image.copyInto(data, i * size);
        }
        try (Tensor nhwc = Tensors.copyOf(data, 0, count, expected.height(), expected.width(), expected.channels())) {
            return nhwc.permute(0, 3, 1, 2);
        }
    }

    /** Images {@code from .. from + count} in their own order. */
    static Tensor slice(List<Image> images, int from, int count, ImageShape expected) {
        return gather(images, null, from, count, expected);
    }
}
