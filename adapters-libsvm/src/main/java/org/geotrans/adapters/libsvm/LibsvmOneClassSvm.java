package org.geotrans.adapters.libsvm;

import java.util.stream.IntStream;
import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;
import libsvm.svm_problem;
import org.geotrans.domain.port.OneClassSvm;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.port.ProgressStage;
import org.geotrans.domain.port.TrainingProgress;

/**
 * libsvm's one-class SVM (Schoelkopf et al.) with an RBF kernel, trained through libsvm's
 * precomputed-kernel mode: the squared distances between rows are computed once and every
 * (nu, gamma) pair of a grid reuses them, which makes the paper's hindsight grid affordable.
 * Decision values are libsvm's: sum_s coef_s K(x, sv_s) - rho, positive inside the support.
 */
public final class LibsvmOneClassSvm implements OneClassSvm {

    static {
        svm.svm_set_print_string_function(s -> { }); // libsvm prints every optimisation step otherwise
    }

    @Override
    public double[][][] decisionValues(float[][] train, float[][] test, double[] nus, double[] gammas,
                                       ProgressListener progress) {
        check(train, test, nus, gammas);
        long started = System.nanoTime();
        double[][] trainDistances = squaredDistances(train, train);
        double[][] testDistances = squaredDistances(test, train);
        double[][][] out = new double[gammas.length][nus.length][];
        int done = 0;
        int total = gammas.length * nus.length;
        for (int g = 0; g < gammas.length; g++) {
            svm_problem problem = precomputedProblem(trainDistances, gammas[g]);
            for (int n = 0; n < nus.length; n++) {
                svm_model model = svm.svm_train(problem, parameters(nus[n]));
                out[g][n] = decisionValues(model, testDistances, gammas[g]);
                done++;
                double seconds = (System.nanoTime() - started) / 1e9;
                progress.onProgress(new TrainingProgress(ProgressStage.OC_SVM, 0, 0, done, total, Double.NaN,
                        Double.NaN, seconds / done * (total - done)));
            }
        }
        return out;
    }

    private static void check(float[][] train, float[][] test, double[] nus, double[] gammas) {
        if (train.length < 2) {
            throw new IllegalArgumentException("the one-class SVM needs at least 2 training rows, got " + train.length);
        }
        if (test.length == 0 || nus.length == 0 || gammas.length == 0) {
            throw new IllegalArgumentException("nothing to score: " + test.length + " test rows, " + nus.length
                    + " nu values, " + gammas.length + " gamma values");
        }
        int d = train[0].length;
        for (float[][] rows : new float[][][] {train, test}) {
            for (int i = 0; i < rows.length; i++) {
                if (rows[i].length != d) {
                    throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " features, expected " + d);
                }
            }
        }
        for (double nu : nus) {
            if (!(nu > 0 && nu <= 1)) {
                throw new IllegalArgumentException("nu must be in (0, 1], got " + nu);
            }
        }
        for (double gamma : gammas) {
            if (!(gamma > 0) || !Double.isFinite(gamma)) {
                throw new IllegalArgumentException("gamma must be positive, got " + gamma);
            }
        }
    }

    /** |a_i - b_j|^2 for all pairs, in parallel over the rows of a. */
    static double[][] squaredDistances(float[][] a, float[][] b) {
        double[][] out = new double[a.length][b.length];
        IntStream.range(0, a.length).parallel().forEach(i -> {
            float[] x = a[i];
            for (int j = 0; j < b.length; j++) {
                float[] y = b[j];
                double sum = 0;
                for (int f = 0; f < x.length; f++) {
                    double diff = x[f] - y[f];
                    sum += diff * diff;
                }
                out[i][j] = sum;
            }
        });
        return out;
    }

    private static svm_problem precomputedProblem(double[][] distances, double gamma) {
        int n = distances.length;
        svm_problem problem = new svm_problem();
        problem.l = n;
        problem.y = new double[n];
        problem.x = new svm_node[n][];
        for (int i = 0; i < n; i++) {
            svm_node[] row = new svm_node[n + 1];
            row[0] = node(0, i + 1); // libsvm's precomputed format: index 0 holds the row's 1-based id
            for (int j = 0; j < n; j++) {
                row[j + 1] = node(j + 1, Math.exp(-gamma * distances[i][j]));
            }
            problem.x[i] = row;
            problem.y[i] = 1;
        }
        return problem;
    }

    private static svm_node node(int index, double value) {
        svm_node node = new svm_node();
        node.index = index;
        node.value = value;
        return node;
    }

    static svm_parameter parameters(double nu) {
        return oneClassParameters(svm_parameter.PRECOMPUTED, nu);
    }

    /**
     * A one-class problem's parameters as every GeoTrans SVM uses them (this grid and the Weka
     * classifier): libsvm's defaults for cache, tolerance and shrinking, no probability estimates,
     * no class weights. The caller sets the kernel's own parameters (gamma for RBF).
     */
    public static svm_parameter oneClassParameters(int kernelType, double nu) {
        svm_parameter p = new svm_parameter();
        p.svm_type = svm_parameter.ONE_CLASS;
        p.kernel_type = kernelType;
        p.nu = nu;
        p.cache_size = 200;
        p.eps = 1e-3;
        p.shrinking = 1;
        p.probability = 0;
        p.nr_weight = 0;
        p.weight_label = new int[0];
        p.weight = new double[0];
        return p;
    }

    private static double[] decisionValues(svm_model model, double[][] testDistances, double gamma) {
        int[] sv = model.sv_indices;
        double[] coef = model.sv_coef[0];
        double rho = model.rho[0];
        double[] out = new double[testDistances.length];
        for (int i = 0; i < out.length; i++) {
            double sum = 0;
            for (int s = 0; s < sv.length; s++) {
                sum += coef[s] * Math.exp(-gamma * testDistances[i][sv[s] - 1]);
            }
            out[i] = sum - rho;
        }
        return out;
    }
}
