package org.geotrans.application.ood;

import java.util.List;

/**
 * What the experiment found, and the choices it made (so adapters never recompute them).
 *
 * @param network the trained network, e.g. "two-headed WRN-10-1 on DL4J ..."
 * @param inClassNames the in-distribution classes, in the category head's order
 * @param trainImages in-distribution training images used
 * @param inTestIndices indices into the in-distribution dataset's test split of the images scored
 * @param categoryAccuracy the category head's accuracy on those test images
 * @param inTransformationScores the transformation head's score of each in-distribution test image
 * @param inMaximumSoftmaxScores the category head's maximum softmax of each
 * @param results one per out-of-distribution set, in the command's order
 */
public record OutOfDistributionReport(String network, List<String> inClassNames, int trainImages, int[] inTestIndices,
                                      double categoryAccuracy, double[] inTransformationScores,
                                      double[] inMaximumSoftmaxScores, List<OutOfDistributionResult> results,
                                      double trainSeconds, double scoreSeconds) {
}
