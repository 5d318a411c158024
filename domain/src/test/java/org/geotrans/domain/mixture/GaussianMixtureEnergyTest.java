package org.geotrans.domain.mixture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** DAGMM's mixture: its written-out gradients, its energy, and what it refuses. */
class GaussianMixtureEnergyTest {

    @Test
    void theWrittenOutGradientsMatchCentralDifferencesOfTheLoss() {
        Random random = new Random(3);
        int n = 12;
        double[][] z = new double[n][4];
        double[][] gamma = new double[n][3];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) {
                z[i][j] = random.nextGaussian() * (j + 1) * 0.3;
            }
            double s = 0;
            for (int k = 0; k < 3; k++) {
                gamma[i][k] = 0.2 + random.nextDouble();
                s += gamma[i][k];
            }
            for (int k = 0; k < 3; k++) {
                gamma[i][k] /= s;
            }
        }
        GaussianMixtureEnergy.Step step = GaussianMixtureEnergy.step(z, gamma, 0.1, 0.005);
        double h = 1e-6;
        for (int i = 0; i < n; i += 5) {
            for (int j = 0; j < 4; j++) {
                double keep = z[i][j];
                z[i][j] = keep + h;
                double plus = GaussianMixtureEnergy.step(z, gamma, 0.1, 0.005).loss();
                z[i][j] = keep - h;
                double minus = GaussianMixtureEnergy.step(z, gamma, 0.1, 0.005).loss();
                z[i][j] = keep;
                assertEquals((plus - minus) / (2 * h), step.dz()[i][j], 1e-6, "dz[" + i + "][" + j + "]");
            }
            for (int k = 0; k < 3; k++) {
                double keep = gamma[i][k];
                gamma[i][k] = keep + h;
                double plus = GaussianMixtureEnergy.step(z, gamma, 0.1, 0.005).loss();
                gamma[i][k] = keep - h;
                double minus = GaussianMixtureEnergy.step(z, gamma, 0.1, 0.005).loss();
                gamma[i][k] = keep;
                assertEquals((plus - minus) / (2 * h), step.dGamma()[i][k], 1e-6, "dGamma[" + i + "][" + k + "]");
            }
        }
    }

    @Test
    void theEnergyOfAPointIsHigherFarFromTheMixtureThanAtItsMean() {
        double[][] z = {{0, 0}, {1, 0}, {0, 1}, {1, 1}, {0.5, 0.5}};
        double[][] gamma = {{1}, {1}, {1}, {1}, {1}};
        GaussianMixtureEnergy.Mixture m = GaussianMixtureEnergy.fit(z, gamma);

        double atMean = m.energy(new double[] {0.5, 0.5});
        double far = m.energy(new double[] {40, -40});

        assertEquals(0.5, m.mu()[0][0], 1e-12);
        assertEquals(true, far > atMean + 100, atMean + " vs " + far);
    }

    @Test
    void mismatchedRowsAndPointsOfAnotherDimensionAreRefusedWithOneLine() {
        double[][] z = {{0, 0}, {1, 0}, {0, 1}};
        IllegalArgumentException counts = assertThrows(IllegalArgumentException.class,
                () -> GaussianMixtureEnergy.fit(z, new double[][] {{1}, {1}}));
        assertEquals("a mixture needs as many membership rows as points, at least one; got 3 points and 2 membership rows",
                counts.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> GaussianMixtureEnergy.step(new double[][] {{0, 0}, {1}}, new double[][] {{1}, {1}}, 0.1, 0.1));
        GaussianMixtureEnergy.Mixture m = GaussianMixtureEnergy.fit(z, new double[][] {{1}, {1}, {1}});
        IllegalArgumentException dimension = assertThrows(IllegalArgumentException.class,
                () -> m.energy(new double[] {0, 0, 0}));
        assertEquals("the point has 3 values, the mixture 2", dimension.getMessage());
    }

    @Test
    void aFittedMixtureCannotBeChangedThroughItsArrays() {
        double[][] z = {{0, 0}, {1, 0}, {0, 1}};
        GaussianMixtureEnergy.Mixture m = GaussianMixtureEnergy.fit(z, new double[][] {{1}, {1}, {1}});
        double before = m.energy(new double[] {0.3, 0.3});

        m.mu()[0][0] = 100;
        m.sigma()[0][0][0] = 1e-9;

        assertEquals(before, m.energy(new double[] {0.3, 0.3}));
    }
}
