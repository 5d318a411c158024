/**
 * Out-of-distribution detection in a labelled multi-class set, the paper's section 5.5:
 * {@link org.geotrans.application.ood.DetectOutOfDistributionUseCase} trains the two-headed network
 * on the in-distribution classes and ranks each out-of-distribution set against the
 * in-distribution test images with the transformation head's score and the class head's maximum
 * softmax probability. The use case makes every seeded choice (subsets, order) and reports it.
 */
package org.geotrans.application.ood;
