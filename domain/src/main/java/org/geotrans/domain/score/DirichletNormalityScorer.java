package org.geotrans.domain.score;

/** TEMPORARY stub until the math branch lands. */
public final class DirichletNormalityScorer implements NormalityScorer {
    private final double[][] alphas;
    public DirichletNormalityScorer(double[][] alphas) { this.alphas = alphas; }
    public static DirichletNormalityScorer fit(TransformedSoftmax outputs) { throw new UnsupportedOperationException(); }
    public double[][] alphas() { return alphas; }
    public int transformationCount() { return alphas.length; }
    @Override public ScoreType type() { return ScoreType.DIRICHLET; }
    @Override public double[] score(TransformedSoftmax outputs) { throw new UnsupportedOperationException(); }
}
