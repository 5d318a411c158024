package org.geotrans.adapters.libtorch;

/**
 * How the network pads its convolutions and pools its last feature maps. Model files and
 * checkpoints record it, so a file keeps predicting what it predicted when it was written.
 */
enum NetworkRevision {
    /**
     * Files of format 1 (before 2026-12-04): every 3x3 convolution padded by 1 on each side and the
     * last maps pooled globally. The same shapes and, for 32x32 images, the same parameters as the
     * reference, but a strided convolution samples one pixel off the reference's.
     */
    SYMMETRIC_PADDING,
    /**
     * The reference code's (Keras): "same" padding, which pads a strided 3x3 convolution of an even
     * side only at the bottom and the right, and 8x8 average pooling then flatten
     * ({@link org.geotrans.domain.port.ClassifierSettings#pooledCells}).
     */
    KERAS_SAME;

    /**
     * What new networks are: the reference's, unless {@code -Dgeotrans.libtorch.revision=SYMMETRIC_PADDING}
     * asks for the other, to measure what the padding changes.
     */
    static NetworkRevision current() {
        String name = System.getProperty("geotrans.libtorch.revision", KERAS_SAME.name());
        try {
            return valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("-Dgeotrans.libtorch.revision must be KERAS_SAME or SYMMETRIC_PADDING, got '"
                    + name + "'", e);
        }
    }

    /** The padding before and after a side of {@code size} for a convolution of {@code kernel} and {@code stride}. */
    long[] padding(long size, int kernel, int stride) {
        if (this == SYMMETRIC_PADDING) {
            return new long[] {kernel / 2, kernel / 2};
        }
        long out = (size + stride - 1) / stride;
        long total = Math.max((out - 1) * stride + kernel - size, 0);
        return new long[] {total / 2, total - total / 2};
    }
}
