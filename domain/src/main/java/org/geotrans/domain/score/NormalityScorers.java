package org.geotrans.domain.score;

import org.geotrans.domain.dirichlet.DirichletFitOptions;

/** Creates the {@link NormalityScorer} of a {@link ScoreType}. */
public final class NormalityScorers {

    private NormalityScorers() {
    }

    /**
     * The scorer of {@code type}, fitted where the type needs it.
     *
     * @param normalTraining softmax outputs of the normal training images; only
     *                       {@link ScoreType#DIRICHLET} uses them
     * @param options the Dirichlet fit settings; ignored by {@link ScoreType#SIMPLIFIED}
     * @throws IllegalArgumentException as {@link DirichletNormalityScorer#fit(TransformedSoftmax, DirichletFitOptions)}
     */
    public static NormalityScorer fit(ScoreType type, TransformedSoftmax normalTraining, DirichletFitOptions options) {
        if (type == null) {
            throw new IllegalArgumentException("score type must be given, got null");
        }
        return switch (type) {
            case DIRICHLET -> DirichletNormalityScorer.fit(normalTraining, options);
            case SIMPLIFIED -> new SimplifiedNormalityScorer();
        };
    }

    /** {@link #fit(ScoreType, TransformedSoftmax, DirichletFitOptions)} with the default fit options. */
    public static NormalityScorer fit(ScoreType type, TransformedSoftmax normalTraining) {
        return fit(type, normalTraining, DirichletFitOptions.defaults());
    }
}
