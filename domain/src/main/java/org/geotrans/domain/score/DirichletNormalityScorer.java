package org.geotrans.domain.score;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.geotrans.domain.dirichlet.Dirichlet;
import org.geotrans.domain.dirichlet.DirichletEstimator;
import org.geotrans.domain.dirichlet.DirichletFit;
import org.geotrans.domain.dirichlet.DirichletFitOptions;
import org.geotrans.domain.dirichlet.SimplexClipping;

/**
 * The paper's Dirichlet normality score. For each transformation j a Dirichlet with parameters
 * alpha_j is fitted to the softmax outputs y(T_j(x)) of the normal training images; an image x
 * then scores (1/k) sum_j (alpha_j - 1) . log y(T_j(x)), its log-likelihood under the k Dirichlets
 * up to a constant, divided by k as the paper's reference code does (the ranking does not depend
 * on it; the figures then match the reference's). Higher means more normal; the scale is unbounded and depends on the fit, so compare
 * scores only within one scorer.
 *
 * <p>Softmax outputs are clipped exactly as for the fit ({@link SimplexClipping}), which keeps
 * scores finite when the classifier outputs an exact zero. Immutable.
 */
public final class DirichletNormalityScorer implements NormalityScorer {
    private final List<Dirichlet> dirichlets;
    private final SimplexClipping clipping;
    private final List<DirichletFit> fits;

    /**
     * A scorer from saved parameters, e.g. those of {@link #alphas()}.
     *
     * @param alphas k arrays of k positive concentration parameters, alphas[j] for transformation j;
     *               copied
     * @param clipping the clipping the parameters were fitted with
     * @throws IllegalArgumentException if the shape is not k x k with k &gt;= 2, or a parameter is not
     *                                  positive and finite
     */
    public DirichletNormalityScorer(double[][] alphas, SimplexClipping clipping) {
        this(toDirichlets(alphas), clipping, List.of());
    }

    private DirichletNormalityScorer(List<Dirichlet> dirichlets, SimplexClipping clipping, List<DirichletFit> fits) {
        if (clipping == null) {
            throw new IllegalArgumentException("clipping must be given, got null");
        }
        this.dirichlets = List.copyOf(dirichlets);
        this.clipping = clipping;
        this.fits = List.copyOf(fits);
    }

    /**
     * Fits one Dirichlet per transformation to the softmax outputs of the normal training images.
     *
     * @param normalTraining softmax outputs of at least 2 normal images under every transformation
     * @throws IllegalArgumentException if there are fewer than 2 images or an output is not a
     *                                  probability vector (the message names transformation and image)
     */
    public static DirichletNormalityScorer fit(TransformedSoftmax normalTraining, DirichletFitOptions options) {
        DirichletEstimator estimator = new DirichletEstimator(options);
        int k = normalTraining.transformationCount();
        List<DirichletFit> fits = new ArrayList<>(k);
        for (int j = 0; j < k; j++) {
            try {
                fits.add(estimator.fit(normalTraining.under(j), normalTraining.imageCount(), k));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "cannot fit the Dirichlet of transformation " + j + ": " + e.getMessage(), e);
            }
        }
        List<Dirichlet> dirichlets = fits.stream().map(DirichletFit::dirichlet).toList();
        return new DirichletNormalityScorer(dirichlets, options.clipping(), fits);
    }

    /** {@link #fit(TransformedSoftmax, DirichletFitOptions)} with the default options. */
    public static DirichletNormalityScorer fit(TransformedSoftmax normalTraining) {
        return fit(normalTraining, DirichletFitOptions.defaults());
    }

    @Override
    public ScoreType type() {
        return ScoreType.DIRICHLET;
    }

    /** Number of transformations k. */
    public int transformationCount() {
        return dirichlets.size();
    }

    /** The fitted parameters, alphas()[j] for transformation j: a copy, ready to be saved. */
    public double[][] alphas() {
        double[][] alphas = new double[dirichlets.size()][];
        for (int j = 0; j < alphas.length; j++) {
            alphas[j] = dirichlets.get(j).alpha();
        }
        return alphas;
    }

    /** The Dirichlet of transformation j. */
    public Dirichlet dirichlet(int j) {
        return dirichlets.get(j);
    }

    public SimplexClipping clipping() {
        return clipping;
    }

    /**
     * How each fit went (iterations, convergence, precision cap), for provenance and warnings;
     * empty for a scorer restored from saved alphas.
     */
    public List<DirichletFit> fits() {
        return fits;
    }

    /**
     * @throws IllegalArgumentException if the outputs have another number of transformations or an
     *                                  output is not a probability vector
     */
    @Override
    public double[] score(TransformedSoftmax outputs) {
        int k = dirichlets.size();
        if (outputs.transformationCount() != k) {
            throw new IllegalArgumentException("outputs are for " + outputs.transformationCount()
                    + " transformations, the scorer was fitted for " + k);
        }
        int n = outputs.imageCount();
        double[] scores = new double[n];
        double[] clipped = new double[k];
        for (int j = 0; j < k; j++) {
            float[] under = outputs.under(j);
            Dirichlet dirichlet = dirichlets.get(j);
            String what = "softmax under transformation " + j + " of image ";
            for (int i = 0; i < n; i++) {
                clipping.clipInto(under, i * k, clipped, what, i);
                scores[i] += dirichlet.simplifiedScore(clipped);
            }
        }
        for (int i = 0; i < n; i++) {
            scores[i] /= k;
        }
        return scores;
    }

    /**
     * Each transformation's term of the score, before the mean over transformations:
     * {@code terms[j][i] = (alpha_j - 1) . log y(T_j(x_i))}, so that {@link #score} is the mean of
     * {@code terms[.][i]}. What a transformation contributes, for diagnostics.
     *
     * @throws IllegalArgumentException as {@link #score}
     */
    public double[][] terms(TransformedSoftmax outputs) {
        return perTransformation(outputs, (j, clipped) -> dirichlets.get(j).simplifiedScore(clipped));
    }

    /**
     * The part of each term that looks at the applied transformation's own probability:
     * {@code own[j][i] = (alpha_jj - 1) log y_j(T_j(x_i))}; {@code terms[j][i] - own[j][i]} is what
     * the other k - 1 probabilities (the tail of the softmax) contribute. For diagnostics.
     *
     * @throws IllegalArgumentException as {@link #score}
     */
    public double[][] ownTerms(TransformedSoftmax outputs) {
        double[] weight = new double[dirichlets.size()];
        for (int j = 0; j < weight.length; j++) {
            weight[j] = dirichlets.get(j).alpha()[j] - 1.0;
        }
        return perTransformation(outputs, (j, clipped) -> weight[j] * Math.log(clipped[j]));
    }

    /** What one transformation's clipped softmax of one image contributes. */
    private interface ClippedTerm {
        double of(int transformation, double[] clipped);
    }

    /** {@code values[j][i]}: the term of image i's clipped softmax under transformation j. */
    private double[][] perTransformation(TransformedSoftmax outputs, ClippedTerm term) {
        int k = dirichlets.size();
        if (outputs.transformationCount() != k) {
            throw new IllegalArgumentException("outputs are for " + outputs.transformationCount()
                    + " transformations, the scorer was fitted for " + k);
        }
        int n = outputs.imageCount();
        double[][] values = new double[k][n];
        double[] clipped = new double[k];
        for (int j = 0; j < k; j++) {
            float[] under = outputs.under(j);
            String what = "softmax under transformation " + j + " of image ";
            for (int i = 0; i < n; i++) {
                clipping.clipInto(under, i * k, clipped, what, i);
                values[j][i] = term.of(j, clipped);
            }
        }
        return values;
    }

    private static List<Dirichlet> toDirichlets(double[][] alphas) {
        int k = alphas.length;
        if (k < 2) {
            throw new IllegalArgumentException("need the alphas of at least 2 transformations, got " + k);
        }
        List<Dirichlet> dirichlets = new ArrayList<>(k);
        for (int j = 0; j < k; j++) {
            if (alphas[j].length != k) {
                throw new IllegalArgumentException("alphas of transformation " + j + " have " + alphas[j].length
                        + " entries, expected one per transformation (" + k + ")");
            }
            try {
                dirichlets.add(new Dirichlet(alphas[j]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("alphas of transformation " + j + ": " + e.getMessage(), e);
            }
        }
        return Collections.unmodifiableList(dirichlets);
    }
}
