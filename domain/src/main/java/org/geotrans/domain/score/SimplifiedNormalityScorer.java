package org.geotrans.domain.score;

/**
 * The paper's simplified normality score: the mean over transformations j of the softmax
 * probability the classifier gives to the true transformation j of T_j(x). It needs no fitting,
 * lies in [0, 1], and higher means more normal (1 when every transformation is recognised with
 * certainty, 1/k for a classifier that guesses uniformly). Stateless.
 */
public final class SimplifiedNormalityScorer implements NormalityScorer {

    @Override
    public ScoreType type() {
        return ScoreType.SIMPLIFIED;
    }

    /**
     * @throws IllegalArgumentException if an output used is NaN or outside [0, 1]
     */
    @Override
    public double[] score(TransformedSoftmax outputs) {
        int k = outputs.transformationCount();
        int n = outputs.imageCount();
        double[] scores = new double[n];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < n; i++) {
                float p = outputs.get(j, i, j);
                if (!(p >= 0 && p <= 1)) {
                    throw new IllegalArgumentException("softmax of image " + i + " under transformation " + j
                            + " gives class " + j + " probability " + p + ", expected a value in [0, 1]");
                }
                scores[i] += p;
            }
        }
        for (int i = 0; i < n; i++) {
            scores[i] /= k;
        }
        return scores;
    }

    @Override
    public String toString() {
        return "SimplifiedNormalityScorer";
    }
}
