package org.geotrans.adapters.libsvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;
import libsvm.svm_problem;
import org.geotrans.domain.port.ProgressListener;
import org.junit.jupiter.api.Test;

class LibsvmOneClassSvmTest {
    private final LibsvmOneClassSvm svmAdapter = new LibsvmOneClassSvm();

    private static float[][] gaussian(Random r, int n, int d, double centre) {
        float[][] x = new float[n][d];
        for (float[] row : x) {
            for (int f = 0; f < d; f++) {
                row[f] = (float) (centre + r.nextGaussian());
            }
        }
        return x;
    }

    @Test
    void pointsNearTheTrainingCloudScoreHigherThanFarOnes() {
        Random r = new Random(1);
        float[][] train = gaussian(r, 200, 5, 0);
        float[][] test = {{0, 0, 0, 0, 0}, {4, 4, 4, 4, 4}};
        double[][][] v = svmAdapter.decisionValues(train, test, new double[] {0.1}, new double[] {0.1}, ProgressListener.SILENT);
        assertTrue(v[0][0][0] > 0, "centre is inside: " + v[0][0][0]);
        assertTrue(v[0][0][1] < 0, "far point is outside: " + v[0][0][1]);
    }

    @Test
    void decisionValuesEqualLibsvmsOwnRbfModel() {
        Random r = new Random(2);
        float[][] train = gaussian(r, 120, 4, 0);
        float[][] test = gaussian(r, 30, 4, 0.5);
        double gamma = 0.25;
        double nu = 0.2;
        double[] ours = svmAdapter.decisionValues(train, test, new double[] {nu}, new double[] {gamma},
                ProgressListener.SILENT)[0][0];
        svm_parameter p = LibsvmOneClassSvm.parameters(nu);
        p.kernel_type = svm_parameter.RBF;
        p.gamma = gamma;
        svm_problem problem = new svm_problem();
        problem.l = train.length;
        problem.y = new double[train.length];
        problem.x = new svm_node[train.length][];
        for (int i = 0; i < train.length; i++) {
            problem.x[i] = nodes(train[i]);
        }
        svm_model model = svm.svm_train(problem, p);
        double[] expected = new double[test.length];
        for (int i = 0; i < test.length; i++) {
            double[] dv = new double[1];
            svm.svm_predict_values(model, nodes(test[i]), dv);
            expected[i] = dv[0];
        }
        assertArrayEquals(expected, ours, 1e-6);
    }

    @Test
    void aGridGivesOneScoreVectorPerPair() {
        Random r = new Random(3);
        double[][][] v = svmAdapter.decisionValues(gaussian(r, 50, 3, 0), gaussian(r, 7, 3, 0),
                new double[] {0.1, 0.5, 0.9}, new double[] {0.01, 1}, ProgressListener.SILENT);
        assertEquals(2, v.length);
        assertEquals(3, v[1].length);
        assertEquals(7, v[1][2].length);
    }

    @Test
    void badInputIsRefusedWithAReason() {
        float[][] ok = {{0, 1}, {1, 0}};
        assertThrows(IllegalArgumentException.class, () -> svmAdapter.decisionValues(ok, ok, new double[] {0}, new double[] {1}, ProgressListener.SILENT));
        assertThrows(IllegalArgumentException.class, () -> svmAdapter.decisionValues(ok, ok, new double[] {0.5}, new double[] {-1}, ProgressListener.SILENT));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> svmAdapter.decisionValues(ok, new float[][] {{1, 2, 3}}, new double[] {0.5}, new double[] {1}, ProgressListener.SILENT));
        assertTrue(e.getMessage().contains("3 features"), e.getMessage());
    }

    private static svm_node[] nodes(float[] x) {
        svm_node[] n = new svm_node[x.length];
        for (int f = 0; f < x.length; f++) {
            n[f] = new svm_node();
            n[f].index = f + 1;
            n[f].value = x[f];
        }
        return n;
    }
}
