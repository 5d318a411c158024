package org.geotrans.domain.dirichlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.geotrans.domain.GoldenFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The fit and the scores against dirichlet-mle.json.gz, computed with the paper's reference code. */
class DirichletGoldenTest {
    private static final String FILE = "dirichlet-mle.json.gz";
    private static final DirichletEstimator ESTIMATOR = new DirichletEstimator();
    private static JsonNode cases;

    static Stream<Integer> cases() {
        return IntStream.range(0, goldenCases().size()).boxed();
    }

    @Test
    void theGoldenFileHoldsTheFourDocumentedCases() {
        assertEquals(4, goldenCases().size());
    }

    @ParameterizedTest(name = "case {0}")
    @MethodSource("cases")
    void theInitialAlphaMatchesTheReferenceWickerEstimate(int index) {
        JsonNode golden = goldenCase(index);
        DirichletFit fit = ESTIMATOR.fit(GoldenFiles.matrix(golden.get("observations")));
        assertAllRelative(GoldenFiles.doubles(golden.get("alpha_init_wicker")), fit.initialAlpha(), 1e-9, "alpha_init_wicker");
    }

    @ParameterizedTest(name = "case {0}")
    @MethodSource("cases")
    void theFitMatchesTheReferenceAlphaAndIterationCount(int index) {
        JsonNode golden = goldenCase(index);
        DirichletFit fit = ESTIMATOR.fit(GoldenFiles.matrix(golden.get("observations")));

        assertAllRelative(GoldenFiles.doubles(golden.get("alpha_mle")), fit.alpha(), 1e-6, "alpha_mle");
        assertEquals(golden.get("iterations").asInt(), fit.iterations(), "iterations");
        assertTrue(fit.converged());
        assertTrue(!fit.precisionCapped());
    }

    @ParameterizedTest(name = "case {0}")
    @MethodSource("cases")
    void scoresAndLogDensitiesOfTheTestPointsMatchTheReference(int index) {
        JsonNode golden = goldenCase(index);
        Dirichlet dirichlet = new Dirichlet(GoldenFiles.doubles(golden.get("alpha_mle")));
        double[][] points = GoldenFiles.matrix(golden.get("test_points"));
        double[] scores = GoldenFiles.doubles(golden.get("simplified_dirichlet_score"));
        double[] logDensities = GoldenFiles.doubles(golden.get("log_density"));

        for (int i = 0; i < points.length; i++) {
            assertEquals(scores[i], dirichlet.simplifiedScore(points[i]), 1e-6 * Math.max(1, Math.abs(scores[i])),
                    "simplified score of test point " + i);
            assertEquals(logDensities[i], dirichlet.logDensity(points[i]), 1e-6 * Math.max(1, Math.abs(logDensities[i])),
                    "log density of test point " + i);
        }
    }

    @Test
    void inTheSeventyTwoClassCaseALargerClippingEpsilonMovesTheFitFarFromTheReference() {
        // Half of case 3's probabilities lie below 1e-8: the clipping epsilon is part of the
        // specification, not a numerical detail (the reference's fit moves by ~40% at 1e-8).
        JsonNode golden = goldenCase(3);
        double[] reference = GoldenFiles.doubles(golden.get("alpha_mle"));
        double[] coarse = new DirichletEstimator(DirichletFitOptions.defaults().withClipEpsilon(1e-8))
                .fit(GoldenFiles.matrix(golden.get("observations"))).alpha();

        double worst = 0;
        for (int j = 0; j < reference.length; j++) {
            worst = Math.max(worst, Math.abs(coarse[j] - reference[j]) / reference[j]);
        }
        assertTrue(worst > 0.1, "epsilon 1e-8 should move some alpha by more than 10%, moved at most " + worst);
    }

    private static JsonNode goldenCase(int index) {
        return goldenCases().get(index);
    }

    /** Read once: the file is a few MB of JSON and every test needs it. */
    private static synchronized JsonNode goldenCases() {
        if (cases == null) {
            cases = GoldenFiles.readJsonGz(FILE).get("cases");
        }
        return cases;
    }

    private static void assertAllRelative(double[] expected, double[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int j = 0; j < expected.length; j++) {
            SpecialFunctionsTest.assertRelative(expected[j], actual[j], tolerance, what + "[" + j + "]");
        }
    }
}
