package org.geotrans.domain.mixture;

/**
 * DAGMM's Gaussian mixture (Zong et al., ICLR 2018) on the compact representation z, in double
 * precision and without any library, shared by every backend's DAGMM: the mixture estimated from
 * a batch and the memberships gamma ({@link #fit}), the batch's loss (lambda_energy x mean sample
 * energy + lambda_diag x the sum of the inverse covariance diagonals, as the reference
 * {@code models/dagmm.py}) and its exact gradient with respect to z and gamma ({@link #step}),
 * which a network's backward pass takes on from there.
 *
 * <p>Each covariance gets {@value #JITTER} on its diagonal, the mean of the reference's random
 * jitter. The reference's guards ({@value #GUARD} under the determinant's square root and added to
 * each component's density) are kept in training; the fitted mixture's
 * {@link Mixture#energy sample energy} is computed in log space without them.
 */
public final class GaussianMixtureEnergy {
    /** Added to each covariance's diagonal, so that a batch's covariance is always invertible. */
    public static final double JITTER = 1e-3;
    /** The reference's guard against a zero determinant and a zero density in the training loss. */
    public static final double GUARD = 1e-7;

    private GaussianMixtureEnergy() {
    }

    /**
     * A batch's loss and its gradients; the arrays are copied in and out.
     *
     * @param loss lambda_energy x mean sample energy + lambda_diag x sum of the inverse covariance diagonals
     * @param meanEnergy the mean sample energy of the batch, with the training guards
     * @param dz d loss / d z[i][j], one row per image
     * @param dGamma d loss / d gamma[i][k], one row per image
     */
    public record Step(double loss, double meanEnergy, double[][] dz, double[][] dGamma) {
        public Step {
            dz = copy(dz);
            dGamma = copy(dGamma);
        }

        @Override
        public double[][] dz() {
            return copy(dz);
        }

        @Override
        public double[][] dGamma() {
            return copy(dGamma);
        }
    }

    /**
     * A fitted mixture of K components in D dimensions; the arrays are copied in and out.
     *
     * @param phi the K component weights, summing to 1
     * @param mu the K means, each of D values
     * @param sigma the K covariances, each D x D, jitter included
     */
    public record Mixture(double[] phi, double[][] mu, double[][][] sigma) {
        public Mixture {
            phi = phi.clone();
            mu = copy(mu);
            sigma = copy(sigma);
        }

        @Override
        public double[] phi() {
            return phi.clone();
        }

        @Override
        public double[][] mu() {
            return copy(mu);
        }

        @Override
        public double[][][] sigma() {
            return copy(sigma);
        }

        /** The number of dimensions D of the points it scores. */
        public int dimension() {
            return mu[0].length;
        }

        /**
         * The sample energy -log sum_k phi_k N(z; mu_k, sigma_k), lower = more typical, computed
         * in log space so that distant points keep distinct energies (the reference's guards would
         * tie them).
         *
         * @throws IllegalArgumentException when {@code z} does not have {@link #dimension()} values
         */
        public double energy(double[] z) {
            if (z.length != dimension()) {
                throw new IllegalArgumentException("the point has " + z.length + " values, the mixture "
                        + dimension());
            }
            int k = phi.length;
            double[] logTerms = new double[k];
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double[][] chol = cholesky(sigma[c]);
                double[] r = new double[z.length];
                for (int j = 0; j < z.length; j++) {
                    r[j] = z[j] - mu[c][j];
                }
                double d = mahalanobis(chol, r);
                double logDet = 0;
                for (int j = 0; j < z.length; j++) {
                    logDet += 2 * Math.log(chol[j][j]);
                }
                logTerms[c] = Math.log(phi[c]) - 0.5 * d - 0.5 * (z.length * Math.log(2 * Math.PI) + logDet);
                max = Math.max(max, logTerms[c]);
            }
            double sum = 0;
            for (double t : logTerms) {
                sum += Math.exp(t - max);
            }
            return -(max + Math.log(sum));
        }
    }

    /**
     * The mixture the memberships {@code gamma} define on {@code z}: phi_k the mean membership,
     * mu_k and sigma_k the membership-weighted mean and covariance (plus {@link #JITTER}).
     *
     * @param z N points of D values
     * @param gamma N rows of K memberships (each row summing to 1, as a softmax gives)
     * @throws IllegalArgumentException for no points, ragged rows or N that differ
     */
    public static Mixture fit(double[][] z, double[][] gamma) {
        checkShapes(z, gamma);
        int n = z.length;
        int dim = z[0].length;
        int k = gamma[0].length;
        double[] phi = new double[k];
        double[][] mu = new double[k][dim];
        double[][][] sigma = new double[k][dim][dim];
        for (int c = 0; c < k; c++) {
            double nk = 0;
            for (int i = 0; i < n; i++) {
                nk += gamma[i][c];
                for (int j = 0; j < dim; j++) {
                    mu[c][j] += gamma[i][c] * z[i][j];
                }
            }
            phi[c] = nk / n;
            for (int j = 0; j < dim; j++) {
                mu[c][j] /= nk;
            }
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < dim; a++) {
                    for (int b = 0; b < dim; b++) {
                        sigma[c][a][b] += gamma[i][c] * (z[i][a] - mu[c][a]) * (z[i][b] - mu[c][b]) / nk;
                    }
                }
            }
            for (int j = 0; j < dim; j++) {
                sigma[c][j][j] += JITTER;
            }
        }
        return new Mixture(phi, mu, sigma);
    }

    /**
     * The training loss of one batch and its gradients with respect to {@code z} and {@code gamma}
     * (reverse mode written out, through the mixture's estimate from the same batch).
     *
     * @throws IllegalArgumentException as {@link #fit}
     * @throws IllegalStateException when a covariance is not positive definite (non-finite z)
     */
    public static Step step(double[][] z, double[][] gamma, double lambdaEnergy, double lambdaDiag) {
        checkShapes(z, gamma);
        int n = z.length;
        int dim = z[0].length;
        int k = gamma[0].length;
        Mixture m = fit(z, gamma);
        // the accessors copy: take the arrays once
        double[] weights = m.phi();
        double[][] means = m.mu();
        double[][][] covariances = m.sigma();
        double[] nk = new double[k];
        for (int c = 0; c < k; c++) {
            nk[c] = weights[c] * n;
        }
        double[][][] inv = new double[k][][];
        double[] c = new double[k];
        double[] det2pi = new double[k];
        double[][] q = new double[n][k];
        double[][] d = new double[n][k];
        double[][][] r = new double[k][n][dim];
        double[] total = new double[n];
        for (int cc = 0; cc < k; cc++) {
            inv[cc] = inverse(covariances[cc]);
            double[][] chol = cholesky(covariances[cc]);
            double det = 1;
            for (int j = 0; j < dim; j++) {
                det *= chol[j][j] * chol[j][j];
            }
            det2pi[cc] = Math.pow(2 * Math.PI, dim) * det;
            c[cc] = 1 / Math.sqrt(det2pi[cc] + GUARD);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < dim; j++) {
                    r[cc][i][j] = z[i][j] - means[cc][j];
                }
                d[i][cc] = quadratic(inv[cc], r[cc][i], r[cc][i]);
                q[i][cc] = Math.exp(-0.5 * d[i][cc]);
                total[i] += weights[cc] * q[i][cc] * c[cc] + GUARD;
            }
        }
        double energySum = 0;
        double diagSum = 0;
        for (int i = 0; i < n; i++) {
            energySum -= Math.log(total[i]);
        }
        for (int cc = 0; cc < k; cc++) {
            for (int j = 0; j < dim; j++) {
                diagSum += 1 / covariances[cc][j][j];
            }
        }
        double loss = lambdaEnergy * energySum / n + lambdaDiag * diagSum;

        double[][] dz = new double[n][dim];
        double[][] dGamma = new double[n][k];
        for (int cc = 0; cc < k; cc++) {
            double phi = weights[cc];
            double[][] a = inv[cc];
            double dPhi = 0;
            double dC = 0;
            double[][] dA = new double[dim][dim];
            double[][] dR = new double[n][dim];
            for (int i = 0; i < n; i++) {
                double dp = -lambdaEnergy / (n * total[i]);
                dPhi += dp * q[i][cc] * c[cc];
                dC += dp * phi * q[i][cc];
                double dd = -0.5 * dp * phi * q[i][cc] * c[cc];
                double[] ar = multiply(a, r[cc][i]);
                for (int x = 0; x < dim; x++) {
                    dR[i][x] += 2 * dd * ar[x];
                    for (int y = 0; y < dim; y++) {
                        dA[x][y] += dd * r[cc][i][x] * r[cc][i][y];
                    }
                }
            }
            // dSigma from c = (det(2 pi Sigma) + guard)^-1/2, from A = Sigma^-1, and from the diagonal term
            double[][] dSigma = new double[dim][dim];
            double[][] adaA = multiply(multiply(a, dA), a);
            double cFactor = dC * (-0.5) * Math.pow(c[cc], 3) * det2pi[cc];
            for (int x = 0; x < dim; x++) {
                for (int y = 0; y < dim; y++) {
                    dSigma[x][y] = cFactor * a[x][y] - adaA[x][y];
                }
                dSigma[x][x] -= lambdaDiag / (covariances[cc][x][x] * covariances[cc][x][x]);
            }
            // Sigma = sum_i gamma_i r_i r_i^T / N_k + jitter; mu = sum_i gamma_i z_i / N_k; phi = N_k / n
            double dNk = dPhi / n;
            double traceTerm = 0;
            for (int x = 0; x < dim; x++) {
                for (int y = 0; y < dim; y++) {
                    traceTerm += dSigma[x][y] * (covariances[cc][x][y] - (x == y ? JITTER : 0));
                }
            }
            dNk -= traceTerm / nk[cc];
            double[] dMu = new double[dim];
            for (int i = 0; i < n; i++) {
                double g = gamma[i][cc];
                double[] rv = r[cc][i];
                double[] sr = new double[dim];
                for (int x = 0; x < dim; x++) {
                    for (int y = 0; y < dim; y++) {
                        sr[x] += (dSigma[x][y] + dSigma[y][x]) * rv[y];
                    }
                }
                for (int x = 0; x < dim; x++) {
                    dR[i][x] += g * sr[x] / nk[cc];
                }
                dGamma[i][cc] += quadratic(dSigma, rv, rv) / nk[cc];
                for (int x = 0; x < dim; x++) {
                    dz[i][x] += dR[i][x];
                    dMu[x] -= dR[i][x];
                }
            }
            double muDot = 0;
            for (int x = 0; x < dim; x++) {
                muDot += dMu[x] * means[cc][x];
            }
            dNk -= muDot / nk[cc];
            for (int i = 0; i < n; i++) {
                double zDot = 0;
                for (int x = 0; x < dim; x++) {
                    zDot += dMu[x] * z[i][x];
                    dz[i][x] += gamma[i][cc] * dMu[x] / nk[cc];
                }
                dGamma[i][cc] += zDot / nk[cc] + dNk;
            }
        }
        return new Step(loss, energySum / n, dz, dGamma);
    }

    private static void checkShapes(double[][] z, double[][] gamma) {
        if (z.length == 0 || z.length != gamma.length) {
            throw new IllegalArgumentException("a mixture needs as many membership rows as points, at least one; got "
                    + z.length + " points and " + gamma.length + " membership rows");
        }
        for (int i = 0; i < z.length; i++) {
            if (z[i].length != z[0].length || gamma[i].length != gamma[0].length || z[0].length == 0
                    || gamma[0].length == 0) {
                throw new IllegalArgumentException("row " + i + " has " + z[i].length + " values and " + gamma[i].length
                        + " memberships, the first " + z[0].length + " and " + gamma[0].length);
            }
        }
    }

    private static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    private static double[][][] copy(double[][][] a) {
        double[][][] out = new double[a.length][][];
        for (int i = 0; i < a.length; i++) {
            out[i] = copy(a[i]);
        }
        return out;
    }

    private static double[][] cholesky(double[][] a) {
        int dim = a.length;
        double[][] l = new double[dim][dim];
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int p = 0; p < j; p++) {
                    s -= l[i][p] * l[j][p];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        throw new IllegalStateException("a DAGMM covariance is not positive definite (pivot " + s + ")");
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return l;
    }

    /** r^T sigma^-1 r from sigma's Cholesky factor. */
    private static double mahalanobis(double[][] chol, double[] r) {
        int dim = r.length;
        double[] y = new double[dim];
        double sum = 0;
        for (int i = 0; i < dim; i++) {
            double s = r[i];
            for (int p = 0; p < i; p++) {
                s -= chol[i][p] * y[p];
            }
            y[i] = s / chol[i][i];
            sum += y[i] * y[i];
        }
        return sum;
    }

    private static double[][] inverse(double[][] a) {
        int dim = a.length;
        double[][] chol = cholesky(a);
        double[][] inv = new double[dim][dim];
        for (int col = 0; col < dim; col++) {
            double[] y = new double[dim];
            for (int i = 0; i < dim; i++) {
                double s = i == col ? 1 : 0;
                for (int p = 0; p < i; p++) {
                    s -= chol[i][p] * y[p];
                }
                y[i] = s / chol[i][i];
            }
            for (int i = dim - 1; i >= 0; i--) {
                double s = y[i];
                for (int p = i + 1; p < dim; p++) {
                    s -= chol[p][i] * inv[p][col];
                }
                inv[i][col] = s / chol[i][i];
            }
        }
        return inv;
    }

    private static double quadratic(double[][] a, double[] u, double[] v) {
        double s = 0;
        for (int x = 0; x < u.length; x++) {
            for (int y = 0; y < v.length; y++) {
                s += u[x] * a[x][y] * v[y];
            }
        }
        return s;
    }

    private static double[] multiply(double[][] a, double[] v) {
        double[] out = new double[a.length];
        for (int x = 0; x < a.length; x++) {
            for (int y = 0; y < v.length; y++) {
                out[x] += a[x][y] * v[y];
            }
        }
        return out;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int dim = a.length;
        double[][] out = new double[dim][dim];
        for (int x = 0; x < dim; x++) {
            for (int p = 0; p < dim; p++) {
                for (int y = 0; y < dim; y++) {
                    out[x][y] += a[x][p] * b[p][y];
                }
            }
        }
        return out;
    }
}
