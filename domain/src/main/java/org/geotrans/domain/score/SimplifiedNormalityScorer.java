package org.geotrans.domain.score;

/** TEMPORARY stub until the math branch lands. */
public final class SimplifiedNormalityScorer implements NormalityScorer {
    @Override public ScoreType type() { return ScoreType.SIMPLIFIED; }
    @Override public double[] score(TransformedSoftmax outputs) { throw new UnsupportedOperationException(); }
}
