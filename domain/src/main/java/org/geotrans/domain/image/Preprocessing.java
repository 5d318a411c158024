package org.geotrans.domain.image;

/**
 * How raw 8-bit images become network input, as in the paper's reference code: optional zero
 * padding of the raw image (Fashion-MNIST 28x28 to 32x32; the pad is black, so -1 after scaling),
 * then scaling of 0..255 to [-1, 1] by {@code v / 127.5 - 1}.
 *
 * @param padTo target square side after zero padding, or 0 for none
 */
public record Preprocessing(int padTo) {

    public static final Preprocessing SCALE_ONLY = new Preprocessing(0);
    /** MNIST-sized images are padded to the side the paper's networks and translations are made for. */
    private static final int MNIST_SIDE = 28;
    private static final int PAPER_SIDE = 32;

    /**
     * The paper's preprocessing for raw images of this shape: 28x28 images (MNIST, Fashion-MNIST)
     * are zero-padded to 32x32, all others are only scaled. The one rule the command line and
     * Weka both follow, so that a detector trained in either sees the same network input.
     */
    public static Preprocessing paperFor(ImageShape raw) {
        return raw.height() == MNIST_SIDE && raw.width() == MNIST_SIDE ? new Preprocessing(PAPER_SIDE) : SCALE_ONLY;
    }

    public Preprocessing {
        if (padTo < 0) {
            throw new IllegalArgumentException("padding target must be 0 (none) or positive, got " + padTo);
        }
    }

    /** The shape an input of {@code raw} shape has after this preprocessing. */
    public ImageShape outputShape(ImageShape raw) {
        if (padTo == 0) {
            return raw;
        }
        if (raw.height() > padTo || raw.width() > padTo) {
            throw new IllegalArgumentException("cannot pad a " + raw + " image to " + padTo + "x" + padTo
                    + ": it is already larger");
        }
        return new ImageShape(padTo, padTo, raw.channels());
    }

    /** Applies padding and scaling to a raw image with values in 0..255. */
    public Image apply(Image raw) {
        ImageShape in = raw.shape();
        ImageShape out = outputShape(in);
        float[] v = new float[out.size()];
        java.util.Arrays.fill(v, -1f);
        int top = (out.height() - in.height()) / 2;
        int left = (out.width() - in.width()) / 2;
        float[] src = raw.pixels();
        for (int r = 0; r < in.height(); r++) {
            for (int c = 0; c < in.width(); c++) {
                for (int ch = 0; ch < in.channels(); ch++) {
                    float x = src[in.index(r, c, ch)];
                    if (x < 0f || x > 255f) {
                        throw new IllegalArgumentException("raw pixel values must lie in 0..255, found " + x
                                + " at row " + r + ", column " + c);
                    }
                    v[out.index(r + top, c + left, ch)] = scale(x);
                }
            }
        }
        return new Image(out, v);
    }

    /**
     * Where each value of a raw image lands in the preprocessed one: {@code map[raw.index(r, c, ch)]}
     * is the index of that value after padding. With {@link #scale} (slope 1/127.5) it makes the
     * preprocessing's Jacobian, which gradients with respect to raw pixels need.
     */
    public int[] inputIndices(ImageShape raw) {
        ImageShape out = outputShape(raw);
        int top = (out.height() - raw.height()) / 2;
        int left = (out.width() - raw.width()) / 2;
        int[] map = new int[raw.size()];
        for (int r = 0; r < raw.height(); r++) {
            for (int c = 0; c < raw.width(); c++) {
                for (int ch = 0; ch < raw.channels(); ch++) {
                    map[raw.index(r, c, ch)] = out.index(r + top, c + left, ch);
                }
            }
        }
        return map;
    }

    /** 0..255 to [-1, 1]. */
    public static float scale(float raw) {
        return raw / 127.5f - 1f;
    }
}
