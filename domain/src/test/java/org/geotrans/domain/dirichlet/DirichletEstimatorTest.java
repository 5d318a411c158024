package org.geotrans.domain.dirichlet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DirichletEstimatorTest {
    private final DirichletEstimator estimator = new DirichletEstimator();

    @Test
    void givenALargeSyntheticSample_thenTheFitRecoversTheTrueAlphasWithin5Percent() {
        double[] truth = {0.5, 2.0, 5.0, 1.2};
        double[][] sample = new DirichletSampler(42).sample(truth, 20_000);

        DirichletFit fit = estimator.fit(sample);

        assertTrue(fit.converged(), "fit should converge, took " + fit.iterations() + " iterations");
        assertFalse(fit.precisionCapped());
        double[] alpha = fit.alpha();
        for (int j = 0; j < truth.length; j++) {
            assertEquals(truth[j], alpha[j], 0.05 * truth[j], "alpha[" + j + "]");
        }
    }

    @Test
    void givenSmallAlphasTypicalOfAConfidentClassifier_andAClippingBelowTheirSamples_thenTheFitRecoversThem() {
        // With alpha = 0.03 about 40% of the draws lie below 1e-12, so the default clipping would
        // bias the fit upwards (that is the reference's behaviour, pinned by the golden test);
        // clipping at 1e-300 isolates the estimator itself.
        double[] truth = {8.0, 0.05, 0.08, 0.03, 0.1, 0.06};
        double[][] sample = new DirichletSampler(7).sample(truth, 20_000);

        DirichletFit fit = new DirichletEstimator(DirichletFitOptions.defaults().withClipEpsilon(1e-300)).fit(sample);

        assertTrue(fit.converged(), "fit should converge, took " + fit.iterations() + " iterations");
        double[] alpha = fit.alpha();

        for (int j = 0; j < truth.length; j++) {
            assertEquals(truth[j], alpha[j], 0.05 * truth[j], "alpha[" + j + "]");
        }
    }

    @Test
    void theLogLikelihoodAtTheFitIsAtLeastThatAtPerturbedAlphas() {
        double[][] sample = new DirichletSampler(3).sample(new double[] {1.5, 0.7, 3.0}, 2_000);
        DirichletStatistics statistics = DirichletStatistics.of(sample, SimplexClipping.defaults());
        Dirichlet fitted = estimator.fit(statistics).dirichlet();
        double best = fitted.meanLogLikelihood(statistics.meanLog());

        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 200; trial++) {
            double[] alpha = fitted.alpha();
            double scale = trial < 100 ? 0.05 : 0.001;
            for (int j = 0; j < alpha.length; j++) {
                alpha[j] *= 1 + scale * (2 * random.nextDouble() - 1);
            }
            double perturbed = new Dirichlet(alpha).meanLogLikelihood(statistics.meanLog());
            assertTrue(best >= perturbed, "log-likelihood " + best + " at the fit is below " + perturbed + " at " + new Dirichlet(alpha));
        }
    }

    @Test
    void theInitialAlphaIsTheMeanTimesWickersApproximatePrecision() {
        double[][] sample = new DirichletSampler(5).sample(new double[] {2, 3, 4}, 500);
        DirichletStatistics statistics = DirichletStatistics.of(sample, SimplexClipping.defaults());
        double[] mean = statistics.mean();
        double[] meanLog = statistics.meanLog();
        // The reference's form: N (k - 1) gamma / (N sum m log m - sum_j m_j sum_i log p_ij).
        double n = sample.length;
        double denominator = 0;
        for (int j = 0; j < 3; j++) {
            denominator += n * mean[j] * Math.log(mean[j]) - mean[j] * n * meanLog[j];
        }
        double precision = n * 2 * 0.5772156649015329 / denominator;

        double[] initial = estimator.fit(statistics).initialAlpha();

        for (int j = 0; j < 3; j++) {
            assertEquals(mean[j] * precision, initial[j], 1e-9 * initial[j]);
        }
    }

    @Test
    void givenAnIterationLimit_thenAnUnfinishedFitSaysItDidNotConverge() {
        double[][] sample = new DirichletSampler(9).sample(new double[] {2, 3, 6}, 400);

        DirichletFit fit = new DirichletEstimator(DirichletFitOptions.defaults().withMaxIterations(3)).fit(sample);

        assertEquals(3, fit.iterations());
        assertFalse(fit.converged());
        assertFalse(fit.precisionCapped());
    }

    @Test
    void givenObservationsWithExactZerosAndOnes_thenTheyAreClippedAndTheFitIsFinite() {
        double[][] observations = {
                {1.0, 0.0, 0.0},
                {0.0, 1.0, 0.0},
                {0.5, 0.5, 0.0},
                {0.2, 0.3, 0.5},
        };

        DirichletFit fit = estimator.fit(observations);

        for (double a : fit.alpha()) {
            assertTrue(a > 0 && Double.isFinite(a), "alpha " + a + " should be positive and finite");
        }
        // Fitting the hand-clipped rows gives the same answer: clipping happens before the logs.
        double eps = SimplexClipping.DEFAULT_EPSILON;
        double[][] clipped = {
                {1 / (1 + 2 * eps), eps / (1 + 2 * eps), eps / (1 + 2 * eps)},
                {eps / (1 + 2 * eps), 1 / (1 + 2 * eps), eps / (1 + 2 * eps)},
                {0.5 / (1 + eps), 0.5 / (1 + eps), eps / (1 + eps)},
                {0.2, 0.3, 0.5},
        };
        assertArrayEquals(estimator.fit(clipped).alpha(), fit.alpha(), 1e-9);
    }

    @Test
    void aLargerClippingEpsilonRaisesTheAlphasOfCategoriesThatAreOftenZero() {
        double[][] sample = new DirichletSampler(13).sample(new double[] {3, 0.02}, 2_000);

        double[] fine = estimator.fit(sample).alpha();
        double[] coarse = new DirichletEstimator(DirichletFitOptions.defaults().withClipEpsilon(1e-3)).fit(sample).alpha();

        assertTrue(coarse[1] > 1.5 * fine[1], "epsilon 1e-3 should move alpha[1] = " + fine[1] + " up, got " + coarse[1]);
    }

    @Test
    void givenSoftmaxOutputsThatAreTheSameForEveryImage_thenThePrecisionIsCappedAndNothingIsNaN() {
        double[][] constant = new double[50][];
        for (int i = 0; i < constant.length; i++) {
            constant[i] = new double[] {0.7, 0.2, 0.1};
        }

        DirichletFit fit = estimator.fit(constant);

        assertTrue(fit.precisionCapped());
        assertFalse(fit.converged());
        assertEquals(DirichletFitOptions.DEFAULT_MAX_PRECISION, fit.dirichlet().precision(), 1e-6);
        assertArrayEquals(new double[] {0.7, 0.2, 0.1}, fit.dirichlet().mean(), 1e-12);
        double score = fit.dirichlet().logDensity(new double[] {0.6, 0.3, 0.1});
        assertTrue(Double.isFinite(score), "log density should be finite, got " + score);
    }

    @Test
    void givenSoftmaxOutputsThatBarelyVary_thenThePrecisionStaysFiniteAndCapped() {
        SplittableRandom random = new SplittableRandom(1);
        double[][] nearlyConstant = new double[200][];
        for (int i = 0; i < nearlyConstant.length; i++) {
            double wobble = 1e-9 * random.nextDouble();
            nearlyConstant[i] = new double[] {0.7 + wobble, 0.2 - wobble, 0.1};
        }

        DirichletFit fit = estimator.fit(nearlyConstant);

        assertTrue(fit.precisionCapped(), "precision should hit the cap, fit " + fit.dirichlet());
        assertTrue(fit.dirichlet().precision() <= DirichletFitOptions.DEFAULT_MAX_PRECISION * (1 + 1e-12));
        for (double a : fit.alpha()) {
            assertTrue(Double.isFinite(a) && a > 0);
        }
    }

    @Test
    void givenALowerPrecisionCap_thenAConcentratedFitIsScaledDownToIt() {
        double[][] sample = new DirichletSampler(17).sample(new double[] {300, 200, 500}, 500);

        DirichletFit fit = new DirichletEstimator(DirichletFitOptions.defaults().withMaxPrecision(100)).fit(sample);

        assertTrue(fit.precisionCapped());
        assertEquals(100, fit.dirichlet().precision(), 1e-9);
        assertArrayEquals(new double[] {0.3, 0.2, 0.5}, fit.dirichlet().mean(), 0.01);
    }

    @Test
    void givenFewerThanTwoObservations_thenTheFitAsksForMore() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> estimator.fit(new double[][] {{0.5, 0.5}}));
        assertTrue(e.getMessage().contains("at least 2 observations, got 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> estimator.fit(new double[0][]));
        assertThrows(IllegalArgumentException.class, () -> estimator.fit(new float[] {0.5f, 0.5f}, 1, 2));
    }

    @Test
    void givenANaNNegativeOrInfiniteObservation_thenTheMessageNamesTheRow() {
        assertRowRejected(new double[] {Double.NaN, 0.5}, "observation 2", "NaN");
        assertRowRejected(new double[] {-0.1, 1.1}, "observation 2", "-0.1");
        assertRowRejected(new double[] {Double.POSITIVE_INFINITY, 0}, "observation 2", "Infinity");
    }

    @Test
    void givenARowThatDoesNotSumToOne_thenTheMessageNamesTheRowAndItsSum() {
        assertRowRejected(new double[] {0.3, 0.3}, "observation 2", "sums to 0.6");
        assertRowRejected(new double[] {2.0, 3.0}, "observation 2", "sums to 5.0");
    }

    @Test
    void givenRowsOfDifferentLengths_thenTheFitNamesTheOddRow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> estimator.fit(new double[][] {{0.5, 0.5}, {0.2, 0.3, 0.5}}));
        assertTrue(e.getMessage().contains("observation 1 has 3"), e.getMessage());
    }

    @Test
    void fittingFloatRowsGivesTheSameAnswerAsFittingDoubleRows() {
        double[][] sample = new DirichletSampler(19).sample(new double[] {1, 2, 3}, 300);
        float[] rowMajor = new float[300 * 3];
        double[][] asFloats = new double[300][3];
        for (int i = 0; i < 300; i++) {
            for (int j = 0; j < 3; j++) {
                rowMajor[i * 3 + j] = (float) sample[i][j];
                asFloats[i][j] = (float) sample[i][j];
            }
        }
        assertArrayEquals(estimator.fit(asFloats).alpha(), estimator.fit(rowMajor, 300, 3).alpha(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> estimator.fit(rowMajor, 300, 4));
    }

    @Test
    void givenInvalidOptions_thenTheyAreRejectedWithTheValue() {
        DirichletFitOptions defaults = DirichletFitOptions.defaults();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> defaults.withClipEpsilon(0));
        assertTrue(e.getMessage().contains("(0, 1)") && e.getMessage().contains("0.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> defaults.withMaxIterations(0));
        assertThrows(IllegalArgumentException.class, () -> defaults.withMaxPrecision(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class,
                () -> new DirichletFitOptions(SimplexClipping.defaults(), 0, 10, 1e6));
        assertEquals(1e-12, defaults.clipping().epsilon());
        assertEquals(1e-9, defaults.tolerance());
        assertEquals(1000, defaults.maxIterations());
    }

    private void assertRowRejected(double[] badRow, String... fragments) {
        double[][] observations = {{0.5, 0.5}, {0.1, 0.9}, badRow, {0.3, 0.7}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> estimator.fit(observations));
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "'" + e.getMessage() + "' should mention '" + fragment + "'");
        }
    }
}
