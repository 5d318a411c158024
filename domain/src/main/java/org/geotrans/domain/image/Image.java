package org.geotrans.domain.image;

import java.util.Arrays;

/**
 * One image: a shape and its float values in HWC order. Immutable: the array is copied in and
 * {@link #pixels()} returns a copy; {@link #copyInto} writes without allocating.
 */
public final class Image {
    private final ImageShape shape;
    private final float[] values;

    public Image(ImageShape shape, float[] values) {
        if (values.length != shape.size()) {
            throw new IllegalArgumentException("image of shape " + shape + " needs " + shape.size()
                    + " values, got " + values.length);
        }
        for (float v : values) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("image values must be finite, found " + v);
            }
        }
        this.shape = shape;
        this.values = values.clone();
    }

    /** An image from 8-bit values (0..255) in HWC order, kept as floats 0..255. */
    public static Image ofBytes(ImageShape shape, byte[] unsigned) {
        float[] v = new float[unsigned.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = unsigned[i] & 0xFF;
        }
        return new Image(shape, v);
    }

    public ImageShape shape() {
        return shape;
    }

    public float value(int row, int col, int channel) {
        return values[shape.index(row, col, channel)];
    }

    /** A copy of the values, HWC. */
    public float[] pixels() {
        return values.clone();
    }

    /** Copies the values into {@code target} at {@code offset}. */
    public void copyInto(float[] target, int offset) {
        System.arraycopy(values, 0, target, offset, values.length);
    }

    /**
     * Writes {@code target[offset + p*channels + c] = value(sourcePixel[p], c)} for every output
     * pixel p: how geometric transformations (pure pixel permutations with repeats) are applied
     * without exposing the array.
     *
     * @param sourcePixel for each output pixel, the index (row * width + col) of its source pixel
     */
    public void gatherInto(int[] sourcePixel, float[] target, int offset) {
        int c = shape.channels();
        if (sourcePixel.length * c != values.length) {
            throw new IllegalArgumentException("pixel map has " + sourcePixel.length + " entries, image has "
                    + shape.pixels() + " pixels");
        }
        if (c == 1) {
            for (int p = 0; p < sourcePixel.length; p++) {
                target[offset + p] = values[sourcePixel[p]];
            }
            return;
        }
        for (int p = 0; p < sourcePixel.length; p++) {
            System.arraycopy(values, sourcePixel[p] * c, target, offset + p * c, c);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Image other && shape.equals(other.shape) && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * shape.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Image[" + shape + "]";
    }
}
