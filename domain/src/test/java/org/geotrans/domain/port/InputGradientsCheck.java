package org.geotrans.domain.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.geotrans.domain.image.ImageBatch;

/**
 * The check every backend's {@link InputGradients} is held to: at every 37th pixel of each image,
 * the gradient equals a central finite difference of the classifier's own softmax. Shared by the
 * backends' tests so that they meet the same contract.
 */
public final class InputGradientsCheck {
    private static final double STEP = 1e-2;

    private InputGradientsCheck() {
    }

    /** Asserts that the gradient of {@code classifier} at {@code batch} for {@code classes} matches finite differences. */
    public static <C extends TransformationClassifier & InputGradients> void assertMatchesFiniteDifferences(
            C classifier, ImageBatch batch, int[] classes) {
        float[] grad = classifier.softmaxGradient(batch, classes);
        int size = batch.shape().size();
        assertEquals(batch.count() * size, grad.length);
        int checked = 0;
        double largest = 0;
        for (int image = 0; image < batch.count(); image++) {
            for (int pixel = 3; pixel < size; pixel += 37) {
                int at = image * size + pixel;
                double numeric = (softmaxAt(classifier, batch, at, STEP, image, classes[image])
                        - softmaxAt(classifier, batch, at, -STEP, image, classes[image])) / (2 * STEP);
                assertEquals(numeric, grad[at], 2e-3 + 0.05 * Math.abs(numeric), "image " + image + ", pixel " + pixel);
                largest = Math.max(largest, Math.abs(numeric));
                checked++;
            }
        }
        assertTrue(checked > 10 && largest > 1e-3, "the check saw real gradients: largest " + largest);
    }

    private static double softmaxAt(TransformationClassifier classifier, ImageBatch batch, int at, double delta, int image,
                                    int c) {
        float[] data = batch.data().clone();
        data[at] += (float) delta;
        float[] p = classifier.predictSoftmax(new ImageBatch(batch.shape(), batch.count(), data));
        return p[image * classifier.transformationCount() + c];
    }
}
