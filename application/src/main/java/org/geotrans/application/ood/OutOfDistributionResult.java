package org.geotrans.application.ood;

import org.geotrans.domain.metrics.DetectionMetrics;

/**
 * One out-of-distribution set against the in-distribution test images: the metrics of both
 * scores (in-distribution is the positive, "normal" class) and the per-image scores.
 *
 * @param transformations metrics of the transformation head's score
 * @param maximumSoftmax metrics of the category head's maximum softmax probability
 */
public record OutOfDistributionResult(String name, DetectionMetrics transformations, DetectionMetrics maximumSoftmax,
                                      double[] transformationScores, double[] maximumSoftmaxScores) {
}
