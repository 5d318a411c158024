package org.geotrans.domain.port;

/**
 * Both heads' softmax outputs for a batch of images, from one forward pass: row-major,
 * {@code count x categories} and {@code count x transformations}.
 */
public record TwoHeadSoftmax(int count, int categoryCount, int transformationCount, float[] categories,
                             float[] transformations) {
    public TwoHeadSoftmax {
        if (categories.length != (long) count * categoryCount || transformations.length != (long) count * transformationCount) {
            throw new IllegalArgumentException("expected " + count + " x " + categoryCount + " category and " + count + " x "
                    + transformationCount + " transformation outputs, got " + categories.length + " and "
                    + transformations.length);
        }
    }

    /** The probability of category {@code c} for image {@code i}. */
    public float category(int i, int c) {
        return categories[i * categoryCount + c];
    }

    /** The probability of transformation {@code j} for image {@code i}. */
    public float transformation(int i, int j) {
        return transformations[i * transformationCount + j];
    }
}
