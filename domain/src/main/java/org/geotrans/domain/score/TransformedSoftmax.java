package org.geotrans.domain.score;

/**
 * The classifier's softmax outputs for n images, each under all k transformations:
 * {@code under(j)} is the row-major n x k matrix of outputs for the images transformed by j.
 */
public final class TransformedSoftmax {
    private final int images;
    private final int k;
    private final float[][] byTransformation;

    /**
     * @param byTransformation k arrays of n x k values; taken as is, not copied
     */
    public TransformedSoftmax(int images, float[][] byTransformation) {
        this.k = byTransformation.length;
        if (k < 2) {
            throw new IllegalArgumentException("need softmax outputs for at least 2 transformations, got " + k);
        }
        for (int j = 0; j < k; j++) {
            if (byTransformation[j].length != (long) images * k) {
                throw new IllegalArgumentException("outputs under transformation " + j + " have " + byTransformation[j].length
                        + " values, expected " + images + " images x " + k + " classes");
            }
        }
        this.images = images;
        this.byTransformation = byTransformation;
    }

    public int imageCount() {
        return images;
    }

    public int transformationCount() {
        return k;
    }

    /** Softmax of image {@code image} under transformation {@code j}, class {@code c}. */
    public float get(int j, int image, int c) {
        return byTransformation[j][image * k + c];
    }

    /** The n x k outputs under transformation j (not copied). */
    public float[] under(int j) {
        return byTransformation[j];
    }

    /** The outputs of the given images only, in the given order (a copy). */
    public TransformedSoftmax subset(int[] imageIndices) {
        float[][] picked = new float[k][imageIndices.length * k];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < imageIndices.length; i++) {
                int image = imageIndices[i];
                if (image < 0 || image >= images) {
                    throw new IndexOutOfBoundsException("image " + image + " of " + images);
                }
                System.arraycopy(byTransformation[j], image * k, picked[j], i * k, k);
            }
        }
        return new TransformedSoftmax(imageIndices.length, picked);
    }
}
