package org.geotrans.domain.score;

/** Which normality score a detector reports. Both are "higher = more normal". */
public enum ScoreType {
    /**
     * The paper's main score: the mean over transformations j of (alpha_j - 1) . log y(T_j(x)), with one
     * Dirichlet alpha_j fitted per transformation to the softmax outputs of the normal training images.
     */
    DIRICHLET,
    /** The simplified score: mean over j of the softmax probability of the true transformation j. */
    SIMPLIFIED
}
