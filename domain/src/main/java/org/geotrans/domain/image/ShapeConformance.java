package org.geotrans.domain.image;

/**
 * Brings a preprocessed image (values in [-1, 1]) of another dataset to a network's input shape,
 * so that, say, 28x28 grey Fashion-MNIST can be shown to a network trained on 32x32 colour
 * CIFAR-10: centred padding with black (-1, as {@link Preprocessing} pads) and a grey channel
 * repeated into every colour channel. Nothing is cropped or resized: a larger image, or one with
 * a channel count other than 1 or the target's, is refused.
 */
public final class ShapeConformance {
    private static final float BLACK = -1f;

    private ShapeConformance() {
    }

    /** Whether {@link #conform} accepts images of {@code from} for {@code to}. */
    public static boolean fits(ImageShape from, ImageShape to) {
        return from.height() <= to.height() && from.width() <= to.width()
                && (from.channels() == to.channels() || from.channels() == 1);
    }

    /**
     * @throws IllegalArgumentException when the image is larger than {@code target} or its
     *     channels can not be mapped
     */
    public static Image conform(Image image, ImageShape target) {
        ImageShape in = image.shape();
        if (in.equals(target)) {
            return image;
        }
        if (!fits(in, target)) {
            throw new IllegalArgumentException("cannot bring a " + in + " image to " + target
                    + ": it must be at most as large and have 1 or " + target.channels() + " channels");
        }
        float[] out = new float[target.size()];
        java.util.Arrays.fill(out, BLACK);
        int top = (target.height() - in.height()) / 2;
        int left = (target.width() - in.width()) / 2;
        for (int r = 0; r < in.height(); r++) {
            for (int c = 0; c < in.width(); c++) {
                for (int ch = 0; ch < target.channels(); ch++) {
                    out[target.index(r + top, c + left, ch)] = image.value(r, c, in.channels() == 1 ? 0 : ch);
                }
            }
        }
        return new Image(target, out);
    }
}
