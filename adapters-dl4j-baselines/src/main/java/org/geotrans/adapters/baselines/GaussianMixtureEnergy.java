package org.geotrans.adapters.baselines;

/**
 * DAGMM's Gaussian mixture on the compact representation z, in double precision: the mixture
 * estimated from a batch and the memberships gamma, the batch's loss (lambda_energy x mean sample
 * energy + lambda_diag x the sum of the inverse covariance diagonals, as the reference
 * {@code models/dagmm.py}) and its exact gradient with respect to z and gamma, which the
 * networks' backward pass takes on from there. Each covariance gets 1e-3 on its diagonal, the
 * mean of the reference's random jitter. The reference's guards (1e-7 under the determinant's
 * square root and added to each component's density) are kept in training.
 */
final class GaussianMixtureEnergy {
    static final double JITTER = 1e-3;
    static final double GUARD = 1e-7;

    private GaussianMixtureEnergy() {
    }

    /** A batch's loss and its gradients, {@code dz[i][j]} and {@code dGamma[i][k]}. */
    record Step(double loss, double meanEnergy, double[][] dz, double[][] dGamma) {
    }

    /** A fitted mixture: weights, means, covariances (jitter included). */
    record Mixture(double[] phi, double[][] mu, double[][][] sigma) {

        /**
         * The sample energy -log sum_k phi_k N(z; mu_k, sigma_k), computed in log space so that
         * distant images keep distinct energies (the reference's guards would tie them).
         */
        double energy(double[] z) {
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

    /** The mixture the memberships {@code gamma} define on {@code z}. */
    static Mixture fit(double[][] z, double[][] gamma) {
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

    /** The training loss of one batch and its gradients (reverse mode written out). */
    static Step step(double[][] z, double[][] gamma, double lambdaEnergy, double lambdaDiag) {
        int n = z.length;
        int dim = z[0].length;
        int k = gamma[0].length;
        Mixture m = fit(z, gamma);
        double[] nk = new double[k];
        for (int c = 0; c < k; c++) {
            nk[c] = m.phi()[c] * n;
        }
        double[][][] inv = new double[k][][];
        double[] c = new double[k];
        double[] det2pi = new double[k];
        double[][] q = new double[n][k];
        double[][] d = new double[n][k];
        double[][][] r = new double[k][n][dim];
        double[] total = new double[n];
        for (int cc = 0; cc < k; cc++) {
            inv[cc] = inverse(m.sigma()[cc]);
            double[][] chol = cholesky(m.sigma()[cc]);
            double det = 1;
            for (int j = 0; j < dim; j++) {
                det *= chol[j][j] * chol[j][j];
            }
            det2pi[cc] = Math.pow(2 * Math.PI, dim) * det;
            c[cc] = 1 / Math.sqrt(det2pi[cc] + GUARD);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < dim; j++) {
                    r[cc][i][j] = z[i][j] - m.mu()[cc][j];
                }
                d[i][cc] = quadratic(inv[cc], r[cc][i], r[cc][i]);
                q[i][cc] = Math.exp(-0.5 * d[i][cc]);
                total[i] += m.phi()[cc] * q[i][cc] * c[cc] + GUARD;
            }
        }
        double energySum = 0;
        double diagSum = 0;
        for (int i = 0; i < n; i++) {
            energySum -= Math.log(total[i]);
        }
        for (int cc = 0; cc < k; cc++) {
            for (int j = 0; j < dim; j++) {
                diagSum += 1 / m.sigma()[cc][j][j];
            }
        }
        double loss = lambdaEnergy * energySum / n + lambdaDiag * diagSum;

        double[][] dz = new double[n][dim];
        double[][] dGamma = new double[n][k];
        for (int cc = 0; cc < k; cc++) {
            double phi = m.phi()[cc];
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
                dSigma[x][x] -= lambdaDiag / (m.sigma()[cc][x][x] * m.sigma()[cc][x][x]);
            }
            // Sigma = sum_i gamma_i r_i r_i^T / N_k + jitter; mu = sum_i gamma_i z_i / N_k; phi = N_k / n
            double dNk = dPhi / n;
            double traceTerm = 0;
            for (int x = 0; x < dim; x++) {
                for (int y = 0; y < dim; y++) {
                    traceTerm += dSigma[x][y] * (m.sigma()[cc][x][y] - (x == y ? JITTER : 0));
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
                muDot += dMu[x] * m.mu()[cc][x];
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

    static double[][] cholesky(double[][] a) {
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
