package org.geotrans.domain.training;

import java.util.List;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageBatch;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.transform.TransformationSet;

/**
 * Images of one shape together with the gather maps of a transformation set, so that any
 * (image, transformation) pair is written straight into a batch array with no intermediate image.
 */
public final class TransformedImages {
    private final List<Image> images;
    private final ImageShape shape;
    private final int[][] maps;

    public TransformedImages(List<Image> images, TransformationSet transformations) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("no images to transform");
        }
        this.images = List.copyOf(images);
        this.shape = this.images.get(0).shape();
        for (int i = 0; i < this.images.size(); i++) {
            if (!this.images.get(i).shape().equals(shape)) {
                throw new IllegalArgumentException("image " + i + " has shape " + this.images.get(i).shape()
                        + ", expected " + shape);
            }
        }
        this.maps = transformations.sourcePixelMaps(shape);
    }

    public ImageShape shape() {
        return shape;
    }

    public int imageCount() {
        return images.size();
    }

    public int transformationCount() {
        return maps.length;
    }

    /** Writes image {@code image} under transformation {@code transformation} into {@code target}. */
    public void writeInto(int image, int transformation, float[] target, int offset) {
        images.get(image).gatherInto(maps[transformation], target, offset);
    }

    /** Images {@code from} (inclusive) to {@code to} (exclusive), all under one transformation. */
    public ImageBatch batch(int from, int to, int transformation) {
        if (from < 0 || to > images.size() || from > to) {
            throw new IndexOutOfBoundsException("images " + from + ".." + to + " of " + images.size());
        }
        int size = shape.size();
        float[] data = new float[(to - from) * size];
        for (int i = from; i < to; i++) {
            writeInto(i, transformation, data, (i - from) * size);
        }
        return new ImageBatch(shape, to - from, data);
    }
}
