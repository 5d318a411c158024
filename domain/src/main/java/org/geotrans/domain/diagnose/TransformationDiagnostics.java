package org.geotrans.domain.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.geotrans.domain.metrics.RankingMetrics;
import org.geotrans.domain.score.DirichletNormalityScorer;
import org.geotrans.domain.score.SimplifiedNormalityScorer;
import org.geotrans.domain.score.TransformedSoftmax;
import org.geotrans.domain.transform.TransformationSet;

/**
 * Which transformations matter to a detector (the paper's section 6): per transformation, how
 * well the network recognises it on normal images it did not train on, what it contributes to the
 * Dirichlet score, and how well it ranks normal above anomalous images on its own; plus the
 * confusion between transformations. Immutable.
 *
 * @param transformations one diagnosis per transformation, in the set's order
 * @param confusion {@code confusion[j][c]}: share of the normal images under transformation j
 *        whose most probable transformation is c; each row sums to 1
 * @param normalImages normal images the diagnostics saw
 * @param anomalousImages anomalous images (0 when none were given)
 * @param dirichletAuroc AUROC of the whole Dirichlet score; NaN without anomalous images
 * @param simplifiedAuroc AUROC of the whole simplified score; NaN without anomalous images
 * @param dirichletOwnAuroc AUROC of the Dirichlet score's own part alone, the sum over j of
 *        (alpha_jj - 1) log y_j(T_j(x)); NaN without anomalous images
 * @param dirichletTailAuroc AUROC of the rest of the Dirichlet score alone, what the k - 1 other
 *        probabilities of each softmax contribute; NaN without anomalous images
 * @param refit the Dirichlet refitted on some of these normal images, when asked for
 */
public record TransformationDiagnostics(List<TransformationDiagnosis> transformations, double[][] confusion,
                                        int normalImages, int anomalousImages, double dirichletAuroc,
                                        double simplifiedAuroc, double dirichletOwnAuroc, double dirichletTailAuroc,
                                        Optional<DirichletRefit> refit) {

    public TransformationDiagnostics {
        transformations = List.copyOf(transformations);
        java.util.Objects.requireNonNull(refit, "refit");
    }

    /** These diagnostics with a refit comparison added. */
    public TransformationDiagnostics withRefit(DirichletRefit comparison) {
        return new TransformationDiagnostics(transformations, confusion, normalImages, anomalousImages, dirichletAuroc,
                simplifiedAuroc, dirichletOwnAuroc, dirichletTailAuroc, Optional.of(comparison));
    }

    /**
     * Diagnoses a detector from its softmax outputs on labelled images.
     *
     * @param outputs the classifier's softmax for every image under every transformation
     * @param normal which images are normal; the others are anomalies
     * @throws IllegalArgumentException when there are no normal images, the sizes disagree, or
     *                                  the outputs are not probability vectors
     */
    public static TransformationDiagnostics of(TransformationSet set, DirichletNormalityScorer dirichlet,
                                               TransformedSoftmax outputs, boolean[] normal) {
        int k = outputs.transformationCount();
        int n = outputs.imageCount();
        if (normal.length != n) {
            throw new IllegalArgumentException(normal.length + " labels for " + n + " images");
        }
        if (set.size() != k) {
            throw new IllegalArgumentException("the set has " + set.size() + " transformations, the outputs " + k);
        }
        int normals = 0;
        for (boolean b : normal) {
            normals += b ? 1 : 0;
        }
        if (normals == 0) {
            throw new IllegalArgumentException("no normal images among the " + n + ": the diagnostics need some");
        }
        boolean bothKinds = normals < n;
        double[][] terms = dirichlet.terms(outputs);
        double[][] ownTerms = dirichlet.ownTerms(outputs);
        double[] ownPart = new double[n];
        double[] tailPart = new double[n];
        double[][] confusion = new double[k][k];
        double[] meanAbs = new double[k];
        double[] gap = new double[k];
        double totalAbs = 0;
        double totalGap = 0;
        for (int j = 0; j < k; j++) {
            double normalSum = 0;
            double anomalousSum = 0;
            for (int i = 0; i < n; i++) {
                ownPart[i] += ownTerms[j][i];
                tailPart[i] += terms[j][i] - ownTerms[j][i];
                if (normal[i]) {
                    confusion[j][argmax(outputs, j, i)] += 1.0 / normals;
                    meanAbs[j] += Math.abs(terms[j][i]) / normals;
                    normalSum += terms[j][i];
                } else {
                    anomalousSum += terms[j][i];
                }
            }
            gap[j] = bothKinds ? normalSum / normals - anomalousSum / (n - normals) : Double.NaN;
            totalAbs += meanAbs[j];
            totalGap += gap[j];
        }
        List<TransformationDiagnosis> out = new ArrayList<>(k);
        for (int j = 0; j < k; j++) {
            double[] own = new double[n];
            for (int i = 0; i < n; i++) {
                own[i] = outputs.get(j, i, j);
            }
            out.add(new TransformationDiagnosis(j, set.get(j).label(), confusion[j][j],
                    bothKinds ? RankingMetrics.auroc(terms[j], normal) : Double.NaN,
                    bothKinds ? RankingMetrics.auroc(own, normal) : Double.NaN,
                    totalAbs > 0 ? meanAbs[j] / totalAbs : 1.0 / k,
                    bothKinds && totalGap != 0 ? gap[j] / totalGap : Double.NaN));
        }
        return new TransformationDiagnostics(out, confusion, normals, n - normals,
                bothKinds ? RankingMetrics.auroc(dirichlet.score(outputs), normal) : Double.NaN,
                bothKinds ? RankingMetrics.auroc(new SimplifiedNormalityScorer().score(outputs), normal) : Double.NaN,
                bothKinds ? RankingMetrics.auroc(ownPart, normal) : Double.NaN,
                bothKinds ? RankingMetrics.auroc(tailPart, normal) : Double.NaN, Optional.empty());
    }

    private static int argmax(TransformedSoftmax outputs, int j, int image) {
        int best = 0;
        for (int c = 1; c < outputs.transformationCount(); c++) {
            if (outputs.get(j, image, c) > outputs.get(j, image, best)) {
                best = c;
            }
        }
        return best;
    }
}
