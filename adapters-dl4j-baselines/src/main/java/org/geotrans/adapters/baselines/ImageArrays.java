package org.geotrans.adapters.baselines;

import java.util.List;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Domain images into the networks' NCHW input arrays. */
final class ImageArrays {
    private ImageArrays() {
    }

    /** Images {@code order[from .. from + count)} as one NCHW array. */
    static INDArray nchw(List<Image> images, int[] order, int from, int count, ImageShape expected) {
        int size = expected.size();
        float[] data = new float[count * size];
        for (int i = 0; i < count; i++) {
            Image image = images.get(order[from + i]);
            if (!image.shape().equals(expected)) {
                throw new IllegalArgumentException("image has shape " + image.shape() + ", the network expects " + expected);
            }
            image.copyInto(data, i * size);
        }
        try (INDArray nhwc = Nd4j.create(data, new long[] {count, expected.height(), expected.width(), expected.channels()}, 'c')) {
            return nhwc.permute(0, 3, 1, 2).dup('c');
        }
    }

    /** 0, 1, ..., n - 1. */
    static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }
}
