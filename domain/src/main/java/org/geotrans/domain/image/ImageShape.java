package org.geotrans.domain.image;

/**
 * The shape of one image: height, width and channels, stored row-major as HWC
 * (index = (row * width + col) * channels + channel), the layout of the paper's reference code.
 *
 * @param height rows, at least 1
 * @param width columns, at least 1
 * @param channels 1 (grey) or more (3 for RGB)
 */
public record ImageShape(int height, int width, int channels) {
    /** The most values one image may have: what a Java array can hold, so that {@link #size()} cannot overflow. */
    public static final int MAX_VALUES = Integer.MAX_VALUE - 8;

    public ImageShape {
        if (height < 1 || width < 1 || channels < 1) {
            throw new IllegalArgumentException(
                    "image shape must be positive, got " + height + "x" + width + "x" + channels);
        }
        long values = (long) height * width * channels;
        if (values > MAX_VALUES) {
            throw new IllegalArgumentException("image shape " + height + "x" + width + "x" + channels + " has " + values
                    + " values, more than one Java array holds (" + MAX_VALUES + ")");
        }
    }

    /** Number of pixels (height x width). */
    public int pixels() {
        return height * width;
    }

    /** Number of values (height x width x channels). */
    public int size() {
        return height * width * channels;
    }

    public boolean isSquare() {
        return height == width;
    }

    /** Index of a value in the HWC layout. */
    public int index(int row, int col, int channel) {
        return (row * width + col) * channels + channel;
    }

    /** Parses {@code 32x32x3} (height x width x channels). */
    public static ImageShape parse(String text) {
        String[] parts = text.trim().toLowerCase(java.util.Locale.ROOT).split("x");
        if (parts.length != 3) {
            throw new IllegalArgumentException(
                    "image shape must look like HEIGHTxWIDTHxCHANNELS (e.g. 32x32x3), got '" + text + "'");
        }
        try {
            return new ImageShape(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "image shape must look like HEIGHTxWIDTHxCHANNELS (e.g. 32x32x3), got '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return height + "x" + width + "x" + channels;
    }

    /**
     * The shape all of {@code images} share: what a network trained on them takes.
     *
     * @throws IllegalArgumentException for fewer than {@code atLeast} images or mixed shapes, naming
     *     the first image that differs
     */
    public static ImageShape sharedBy(java.util.List<Image> images, int atLeast) {
        if (images.size() < atLeast) {
            throw new IllegalArgumentException("got " + images.size() + " images; at least " + atLeast + " are needed");
        }
        ImageShape shape = images.get(0).shape();
        for (int i = 1; i < images.size(); i++) {
            if (!images.get(i).shape().equals(shape)) {
                throw new IllegalArgumentException("image " + i + " has shape " + images.get(i).shape() + ", the first "
                        + shape);
            }
        }
        return shape;
    }
}
