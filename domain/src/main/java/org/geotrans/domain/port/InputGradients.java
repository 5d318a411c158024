package org.geotrans.domain.port;

import org.geotrans.domain.image.ImageBatch;
import org.geotrans.domain.image.ImageShape;

/**
 * An optional capability of a {@link TransformationClassifier}: the gradient of its softmax
 * output with respect to its input, which gradient ascent on an image needs (the paper's Figure
 * 1). A backend offers it by implementing this interface beside {@link TransformationClassifier};
 * callers test for it ({@code classifier instanceof InputGradients}) and say so when it is
 * missing. The gradient is that of the network as it predicts (batch normalisation with its
 * running statistics), so images in one batch do not influence each other.
 */
public interface InputGradients {

    /**
     * For each image i of the batch, the gradient of {@code softmax(image i)[classes[i]]} with
     * respect to the pixels of image i.
     *
     * @param transformedImages network input, in the classifier's input shape
     * @param classes one output class per image, 0..k-1
     * @return {@code count x size} values in the batch's layout
     * @throws IllegalArgumentException if the shape differs from the classifier's, or the class count from the image count
     */
    float[] softmaxGradient(ImageBatch transformedImages, int[] classes);

    /**
     * The checks every implementation makes before it computes: images of the classifier's input
     * shape, one class per image, each one of its {@code outputs}.
     *
     * @throws IllegalArgumentException naming what does not fit
     */
    static void checkRequest(ImageBatch transformedImages, int[] classes, ImageShape inputShape, int outputs) {
        if (!transformedImages.shape().equals(inputShape)) {
            throw new IllegalArgumentException("images have shape " + transformedImages.shape()
                    + ", the classifier expects " + inputShape);
        }
        if (classes.length != transformedImages.count()) {
            throw new IllegalArgumentException(classes.length + " classes for " + transformedImages.count() + " images");
        }
        for (int c : classes) {
            if (c < 0 || c >= outputs) {
                throw new IllegalArgumentException("class " + c + " is not one of the " + outputs + " outputs");
            }
        }
    }
}
