package org.geotrans.domain.dirichlet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DirichletTest {

    @Test
    void theUniformDirichletHasDensityTwoOnTheTwoSimplex() {
        Dirichlet uniform = new Dirichlet(new double[] {1, 1, 1});
        // Gamma(3) / Gamma(1)^3 = 2 everywhere, and the simplified score is 0.
        assertEquals(Math.log(2), uniform.logDensity(new double[] {0.2, 0.3, 0.5}), 1e-14);
        assertEquals(0.0, uniform.simplifiedScore(new double[] {0.2, 0.3, 0.5}), 0.0);
    }

    @Test
    void aBetaTwoThreeDensityIsTwelveXTimesOneMinusXSquared() {
        Dirichlet beta = new Dirichlet(new double[] {2, 3});
        // 12 * 0.3 * 0.7^2 = 1.764
        assertEquals(Math.log(1.764), beta.logDensity(new double[] {0.3, 0.7}), 1e-14);
        assertEquals(Math.log(0.3 * 0.49), beta.simplifiedScore(new double[] {0.3, 0.7}), 1e-14);
    }

    @Test
    void alphaIsCopiedInAndOut() {
        double[] alpha = {0.5, 2.0};
        Dirichlet d = new Dirichlet(alpha);
        alpha[0] = 99;
        d.alpha()[1] = 99;
        assertArrayEquals(new double[] {0.5, 2.0}, d.alpha());
        assertEquals(2, d.dimension());
        assertEquals(2.5, d.precision());
        assertArrayEquals(new double[] {0.2, 0.8}, d.mean(), 1e-15);
    }

    @Test
    void meanLogLikelihoodOfOnePointIsItsLogDensity() {
        Dirichlet d = new Dirichlet(new double[] {0.7, 1.5, 4});
        double[] p = {0.1, 0.3, 0.6};
        double[] logP = {Math.log(0.1), Math.log(0.3), Math.log(0.6)};
        assertEquals(d.logDensity(p), d.meanLogLikelihood(logP), 1e-13);
    }

    @Test
    void givenANonPositiveOrNonFiniteAlpha_thenTheMessageNamesIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Dirichlet(new double[] {1, 0, 2}));
        assertTrue(e.getMessage().contains("alpha[1]") && e.getMessage().contains("0.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Dirichlet(new double[] {1, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> new Dirichlet(new double[] {1, Double.POSITIVE_INFINITY}));
        assertThrows(IllegalArgumentException.class, () -> new Dirichlet(new double[] {1}));
    }

    @Test
    void givenAPointOfTheWrongDimensionOrWithANegativeCoordinate_thenScoringFails() {
        Dirichlet d = new Dirichlet(new double[] {1, 2});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> d.logDensity(new double[] {0.2, 0.3, 0.5}));
        assertTrue(e.getMessage().contains("3 coordinates") && e.getMessage().contains("dimension 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> d.simplifiedScore(new double[] {-0.1, 1.1}));
        assertThrows(IllegalArgumentException.class, () -> d.simplifiedScore(new double[] {Double.NaN, 1}));
    }

    @Test
    void equalAlphasMakeEqualDirichlets() {
        assertEquals(new Dirichlet(new double[] {1, 2}), new Dirichlet(new double[] {1, 2}));
        assertEquals(new Dirichlet(new double[] {1, 2}).hashCode(), new Dirichlet(new double[] {1, 2}).hashCode());
    }
}
