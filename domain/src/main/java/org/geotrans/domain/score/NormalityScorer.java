package org.geotrans.domain.score;

/**
 * Turns the softmax outputs of images under all transformations into one normality score per
 * image. Contract: higher means more normal; scores are finite; the range depends on the type
 * (the Dirichlet score is an unnormalised log-likelihood, the simplified score lies in [0, 1]).
 */
public interface NormalityScorer {

    ScoreType type();

    /** One score per image of {@code outputs}, higher = more normal. */
    double[] score(TransformedSoftmax outputs);
}
