/**
 * Normality scores computed from the transformation classifier's softmax outputs
 * ({@link org.geotrans.domain.score.TransformedSoftmax}): the paper's Dirichlet score and its
 * simplified variant, chosen by {@link org.geotrans.domain.score.ScoreType} through
 * {@link org.geotrans.domain.score.NormalityScorers}. Contract of every scorer: one finite score
 * per image, higher = more normal.
 */
package org.geotrans.domain.score;
