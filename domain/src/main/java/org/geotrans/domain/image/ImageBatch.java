package org.geotrans.domain.image;

/**
 * Several images of one shape in one contiguous float array, NHWC. Built once and handed to the
 * classifier as is, so adapters wrap the array instead of copying image by image. The array is
 * owned by the batch after construction: callers must not keep writing to it.
 */
public final class ImageBatch {
    private final ImageShape shape;
    private final int count;
    private final float[] data;

    public ImageBatch(ImageShape shape, int count, float[] data) {
        if (count < 0) {
            throw new IllegalArgumentException("batch size must not be negative, got " + count);
        }
        if (data.length != (long) count * shape.size()) {
            throw new IllegalArgumentException("a batch of " + count + " images of shape " + shape + " needs "
                    + (long) count * shape.size() + " values, got " + data.length);
        }
        this.shape = shape;
        this.count = count;
        this.data = data;
    }

    /** Copies the images into one batch. */
    public static ImageBatch of(ImageShape shape, java.util.List<Image> images) {
        float[] data = new float[images.size() * shape.size()];
        for (int i = 0; i < images.size(); i++) {
            Image image = images.get(i);
            if (!image.shape().equals(shape)) {
                throw new IllegalArgumentException("image " + i + " has shape " + image.shape() + ", batch expects " + shape);
            }
            image.copyInto(data, i * shape.size());
        }
        return new ImageBatch(shape, images.size(), data);
    }

    public ImageShape shape() {
        return shape;
    }

    public int count() {
        return count;
    }

    /**
     * The backing NHWC array, not a copy: adapters wrap it without copying. Do not modify it.
     */
    public float[] data() {
        return data;
    }

    /** Image {@code i} as an {@link Image} (copies). */
    public Image image(int i) {
        float[] v = new float[shape.size()];
        System.arraycopy(data, i * shape.size(), v, 0, v.length);
        return new Image(shape, v);
    }
}
