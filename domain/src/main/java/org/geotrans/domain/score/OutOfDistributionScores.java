package org.geotrans.domain.score;

import org.geotrans.domain.port.TwoHeadSoftmax;

/**
 * The two scores section 5.5 of the paper compares on a two-headed network, both higher = more
 * in-distribution: the transformation head's simplified score in its log form, the mean over
 * transformations j of log p(j | T_j(x)), and the category head's maximum softmax probability
 * (Hendrycks and Gimpel 2017) on the untransformed image.
 */
public final class OutOfDistributionScores {
    /**
     * The smallest probability whose logarithm is taken: a float softmax can round to 0, and one
     * -infinity would make every image that has it tie at the bottom whatever its other terms.
     */
    static final float SMALLEST_PROBABILITY = Float.MIN_NORMAL;

    private OutOfDistributionScores() {
    }

    /**
     * Adds {@code log p(j | T_j(x)) / k} of each image in {@code outputs} (images
     * {@code first .. first + count - 1}, all under transformation j) to {@code scores}.
     *
     * @throws IllegalArgumentException when a probability is NaN or outside [0, 1]
     */
    public static void addTransformationTerm(TwoHeadSoftmax outputs, int j, double[] scores, int first) {
        int k = outputs.transformationCount();
        for (int i = 0; i < outputs.count(); i++) {
            float p = outputs.transformation(i, j);
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("transformation head gives image " + (first + i) + " under transformation "
                        + j + " probability " + p + ", expected a value in [0, 1]");
            }
            scores[first + i] += Math.log(Math.max(p, SMALLEST_PROBABILITY)) / k;
        }
    }

    /** The category head's largest probability for each image, written from {@code first} on. */
    public static void maximumSoftmax(TwoHeadSoftmax outputs, double[] scores, int first) {
        for (int i = 0; i < outputs.count(); i++) {
            float max = 0;
            for (int c = 0; c < outputs.categoryCount(); c++) {
                max = Math.max(max, outputs.category(i, c));
            }
            scores[first + i] = max;
        }
    }

    /** The category head's most probable category for each image, written from {@code first} on. */
    public static void predictedCategory(TwoHeadSoftmax outputs, int[] categories, int first) {
        for (int i = 0; i < outputs.count(); i++) {
            int best = 0;
            for (int c = 1; c < outputs.categoryCount(); c++) {
                if (outputs.category(i, c) > outputs.category(i, best)) {
                    best = c;
                }
            }
            categories[first + i] = best;
        }
    }
}
