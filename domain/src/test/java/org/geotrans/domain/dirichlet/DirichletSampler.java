package org.geotrans.domain.dirichlet;

import java.util.SplittableRandom;

/** Draws Dirichlet samples for tests: normalised gamma variates (Marsaglia and Tsang 2000). */
public final class DirichletSampler {
    private final SplittableRandom random;

    public DirichletSampler(long seed) {
        random = new SplittableRandom(seed);
    }

    public double[][] sample(double[] alpha, int n) {
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = sample(alpha);
        }
        return rows;
    }

    public double[] sample(double[] alpha) {
        double[] p = new double[alpha.length];
        double sum = 0;
        for (int j = 0; j < alpha.length; j++) {
            p[j] = gamma(alpha[j]);
            sum += p[j];
        }
        for (int j = 0; j < p.length; j++) {
            p[j] /= sum;
        }
        return p;
    }

    double gamma(double shape) {
        if (shape < 1) {
            // Gamma(a) = Gamma(a + 1) * U^(1/a), since the squeeze below needs a >= 1.
            return gamma(shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = normal();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    private double normal() {
        // Box-Muller; one of the pair is enough here.
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
