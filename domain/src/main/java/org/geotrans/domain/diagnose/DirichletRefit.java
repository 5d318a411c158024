package org.geotrans.domain.diagnose;

import java.util.SplittableRandom;
import org.geotrans.domain.dirichlet.DirichletFitOptions;
import org.geotrans.domain.metrics.RankingMetrics;
import org.geotrans.domain.score.DirichletNormalityScorer;
import org.geotrans.domain.score.SimplifiedNormalityScorer;
import org.geotrans.domain.score.TransformedSoftmax;

/**
 * Is the detector's Dirichlet fit the weak part? The paper fits the Dirichlets on the softmax
 * outputs of the normal images the network trained on; if the network is more confident on those
 * than on normal images it never saw, the fit describes new normal images badly. This refits the
 * Dirichlets on a seeded share of normal images the network did not train on and compares, on the
 * remaining images only, the AUROC of the refitted score with the model's own Dirichlet score and
 * with the simplified score. Immutable.
 *
 * @param fittedOn normal images the refit used
 * @param normalEvaluated normal images the three AUROCs were measured on (none of those fitted on)
 * @param anomalousEvaluated anomalous images the three AUROCs were measured on
 * @param modelDirichletAuroc the model's Dirichlet score (fitted on its training images)
 * @param refitDirichletAuroc the Dirichlet score refitted on the {@code fittedOn} images
 * @param simplifiedAuroc the simplified score, which fits nothing
 */
public record DirichletRefit(int fittedOn, int normalEvaluated, int anomalousEvaluated, double modelDirichletAuroc,
                             double refitDirichletAuroc, double simplifiedAuroc) {

    /**
     * @param model the detector's Dirichlet scorer
     * @param outputs the classifier's softmax for every image under every transformation
     * @param normal which images are normal; the others are anomalies
     * @param share share of the normal images to refit on, strictly between 0 and 1
     * @param seed which normal images are drawn
     * @param options how to fit (the model's clipping, so that only the data differ)
     * @throws IllegalArgumentException when the share is out of range, there are no anomalies, or
     *                                  the share leaves fewer than 2 normal images on either side
     */
    public static DirichletRefit of(DirichletNormalityScorer model, TransformedSoftmax outputs, boolean[] normal,
                                    double share, long seed, DirichletFitOptions options) {
        int n = outputs.imageCount();
        if (normal.length != n) {
            throw new IllegalArgumentException(normal.length + " labels for " + n + " images");
        }
        int[] normals = indicesWhere(normal, true);
        int[] anomalies = indicesWhere(normal, false);
        int fitCount = check(normals.length, anomalies.length, share);
        shuffle(normals, seed);
        int[] fit = java.util.Arrays.copyOf(normals, fitCount);
        java.util.Arrays.sort(fit);
        int evaluatedCount = normals.length - fitCount + anomalies.length;
        int[] evaluated = new int[evaluatedCount];
        boolean[] evaluatedNormal = new boolean[evaluatedCount];
        for (int i = fitCount; i < normals.length; i++) {
            evaluated[i - fitCount] = normals[i];
            evaluatedNormal[i - fitCount] = true;
        }
        System.arraycopy(anomalies, 0, evaluated, normals.length - fitCount, anomalies.length);
        TransformedSoftmax rest = outputs.subset(evaluated);
        DirichletNormalityScorer refit = DirichletNormalityScorer.fit(outputs.subset(fit), options);
        return new DirichletRefit(fitCount, normals.length - fitCount, anomalies.length,
                RankingMetrics.auroc(model.score(rest), evaluatedNormal),
                RankingMetrics.auroc(refit.score(rest), evaluatedNormal),
                RankingMetrics.auroc(new SimplifiedNormalityScorer().score(rest), evaluatedNormal));
    }

    /**
     * Whether a refit can be made on these images, before any work: the number of normal images to
     * fit on.
     *
     * @throws IllegalArgumentException as {@link #of}
     */
    public static int check(int normalImages, int anomalousImages, double share) {
        if (!(share > 0 && share < 1)) {
            throw new IllegalArgumentException("the refit share must be between 0 and 1 (exclusive), found " + share);
        }
        int fitCount = (int) Math.round(share * normalImages);
        if (fitCount < 2 || normalImages - fitCount < 2) {
            throw new IllegalArgumentException("a refit share of " + share + " of " + normalImages
                    + " normal images leaves fewer than 2 to fit on or to measure on");
        }
        if (anomalousImages == 0) {
            throw new IllegalArgumentException("no anomalous images to measure the refit on");
        }
        return fitCount;
    }

    private static int[] indicesWhere(boolean[] flags, boolean value) {
        int count = 0;
        for (boolean f : flags) {
            count += f == value ? 1 : 0;
        }
        int[] out = new int[count];
        for (int i = 0, o = 0; i < flags.length; i++) {
            if (flags[i] == value) {
                out[o++] = i;
            }
        }
        return out;
    }

    private static void shuffle(int[] a, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
