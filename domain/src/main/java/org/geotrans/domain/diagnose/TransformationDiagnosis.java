package org.geotrans.domain.diagnose;

/**
 * What one transformation does for a detector.
 *
 * @param index position in the detector's transformation set
 * @param label the transformation, e.g. {@code flip+tx8}
 * @param accuracy share of held-out normal images transformed this way whose most probable
 *        transformation is this one (1/k is chance)
 * @param dirichletAuroc AUROC of this transformation's Dirichlet term alone,
 *        {@code (alpha_j - 1) . log y(T_j(x))}, normal = positive; NaN without both kinds of images
 * @param simplifiedAuroc AUROC of this transformation's softmax on its own class alone; NaN as above
 * @param scoreShare this term's share of the Dirichlet score's size on the normal images:
 *        mean |term j| over the sum of those means (the shares add up to 1)
 * @param separationShare this term's share of the gap between the normal and the anomalous
 *        images' mean Dirichlet score (the shares add up to 1; negative when the term ranks
 *        the wrong way); NaN without both kinds of images or when the gap is zero
 */
public record TransformationDiagnosis(int index, String label, double accuracy, double dirichletAuroc,
                                      double simplifiedAuroc, double scoreShare, double separationShare) {
}
