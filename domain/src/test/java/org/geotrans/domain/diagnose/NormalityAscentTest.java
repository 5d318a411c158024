package org.geotrans.domain.diagnose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.util.List;
import org.geotrans.domain.detector.DetectorProvenance;
import org.geotrans.domain.detector.GeoTransDetector;
import org.geotrans.domain.dirichlet.SimplexClipping;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageBatch;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.image.Preprocessing;
import org.geotrans.domain.port.ClassifierBackend;
import org.geotrans.domain.port.InputGradients;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.port.TransformationClassifier;
import org.geotrans.domain.score.DirichletNormalityScorer;
import org.geotrans.domain.score.ScoreType;
import org.geotrans.domain.transform.TransformationSet;
import org.junit.jupiter.api.Test;

class NormalityAscentTest {
    private static final ImageShape SHAPE = new ImageShape(4, 4, 1);
    private static final TransformationSet SET = TransformationSet.parse("identity;flip", SHAPE);

    @Test
    void theBlurIsScipysGaussianFilter() {
        ImageShape shape = new ImageShape(3, 4, 1);
        float[] squares = new float[12];
        for (int i = 0; i < 12; i++) {
            squares[i] = i * i;
        }
        // scipy.ndimage.gaussian_filter(np.arange(12.).reshape(3, 4) ** 2, sigma)
        assertArrayEquals(new float[] {0.0288128f, 1.0440316f, 4.0575798f, 9.0592504f, 16.0694345f, 25.0575798f,
            36.0575798f, 49.0321770f, 63.9474778f, 80.9085497f, 99.8950015f, 120.8425252f},
                NormalityAscent.blur(squares, shape, 0.28), 1e-4f);
        assertArrayEquals(new float[] {10.7822587f, 14.2566857f, 19.8282631f, 24.4676056f, 29.4622921f, 35.8782037f,
            45.4895084f, 53.0703355f, 51.7170708f, 61.0744669f, 74.7254990f, 85.2478106f},
                NormalityAscent.blur(squares, shape, 1.0), 1e-4f);
    }

    @Test
    void thePercentileIsNumpys() {
        assertEquals(5.6, NormalityAscent.percentile(new float[] {3, 1, 4, 1, 5, 9, 2, 6}, 80), 1e-6);
    }

    @Test
    void oneStepMovesEachPixelByTheScoresGradientThroughPreprocessingAndTransformations() {
        GeoTransDetector detector = detector();
        Image start = image(7);
        double step = 1e-3;
        AscentTrace trace = new NormalityAscent(detector).run(start, new AscentOptions(1, step, 1, 0), ProgressListener.SILENT);
        float[] before = start.pixels();
        float[] after = trace.after().pixels();
        for (int i = 0; i < before.length; i++) {
            double h = 0.5; // raw units: 0.5 / 255 on the [0, 1] scale
            float[] up = before.clone();
            float[] down = before.clone();
            up[i] += h;
            down[i] -= h;
            double numeric = (simplified(detector, up) - simplified(detector, down)) / (2 * h / 255);
            double moved = (after[i] - before[i]) / 255.0;
            assertEquals(step * numeric, moved, 2e-6 + 0.02 * Math.abs(step * numeric), "pixel " + i);
        }
        assertEquals(simplified(detector, before), trace.scores()[0], 1e-6);
        assertEquals(simplified(detector, after), trace.scores()[1], 1e-6);
    }

    @Test
    void theAscentRaisesTheScoreAndKeepsPixelsInRange() {
        AscentTrace trace = new NormalityAscent(detector()).run(image(3), AscentOptions.REFERENCE, ProgressListener.SILENT);
        assertEquals(201, trace.scores().length);
        assertTrue(trace.scores()[200] > trace.scores()[0] + 0.1, "from " + trace.scores()[0] + " to " + trace.scores()[200]);
        for (float v : trace.after().pixels()) {
            assertTrue(v >= 0 && v <= 255);
        }
        assertTrue(trace.rmsChange() > 0);
    }

    @Test
    void aClassifierWithoutInputGradientsIsRefusedWithItsBackend() {
        GeoTransDetector detector = new GeoTransDetector(SHAPE, Preprocessing.SCALE_ONLY, SET, new WithoutGradients(),
                new DirichletNormalityScorer(new double[][] {{2, 1}, {1, 2}}, SimplexClipping.defaults()),
                ScoreType.DIRICHLET, DetectorProvenance.empty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new NormalityAscent(detector));
        assertTrue(e.getMessage().contains("LIBTORCH"), e.getMessage());
    }

    @Test
    void optionsOutsideTheirRangesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AscentOptions(0, 5, 0.2, 0.28));
        assertThrows(IllegalArgumentException.class, () -> new AscentOptions(10, 0, 0.2, 0.28));
        assertThrows(IllegalArgumentException.class, () -> new AscentOptions(10, 5, 0, 0.28));
        assertThrows(IllegalArgumentException.class, () -> new AscentOptions(10, 5, 0.2, -1));
    }

    private static double simplified(GeoTransDetector detector, float[] raw) {
        return detector.score(List.of(new Image(SHAPE, raw)), ScoreType.SIMPLIFIED, 8, ProgressListener.SILENT)[0];
    }

    private static GeoTransDetector detector() {
        return new GeoTransDetector(SHAPE, Preprocessing.SCALE_ONLY, SET, new Logistic(),
                new DirichletNormalityScorer(new double[][] {{2, 1}, {1, 2}}, SimplexClipping.defaults()),
                ScoreType.DIRICHLET, DetectorProvenance.empty());
    }

    private static Image image(long seed) {
        java.util.Random random = new java.util.Random(seed);
        float[] v = new float[SHAPE.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = 40 + random.nextInt(170);
        }
        return new Image(SHAPE, v);
    }

    /** Two classes from one logistic unit with asymmetric weights: softmax (s(w.x), 1 - s(w.x)). */
    private static class Logistic implements TransformationClassifier, InputGradients {
        private static final float[] W = {0.9f, -0.4f, 0.1f, -1.2f, 0.3f, 0.8f, -0.6f, 0.2f, 0.5f, -0.3f, 1.1f, -0.9f,
            0.4f, 0.6f, -0.2f, -0.7f};

        @Override
        public ImageShape inputShape() {
            return SHAPE;
        }

        @Override
        public int transformationCount() {
            return 2;
        }

        @Override
        public float[] predictSoftmax(ImageBatch images) {
            float[] out = new float[images.count() * 2];
            for (int i = 0; i < images.count(); i++) {
                double s = sigmoid(images, i);
                out[2 * i] = (float) s;
                out[2 * i + 1] = (float) (1 - s);
            }
            return out;
        }

        @Override
        public float[] softmaxGradient(ImageBatch images, int[] classes) {
            int size = SHAPE.size();
            float[] out = new float[images.count() * size];
            for (int i = 0; i < images.count(); i++) {
                double s = sigmoid(images, i);
                double d = s * (1 - s) * (classes[i] == 0 ? 1 : -1);
                for (int v = 0; v < size; v++) {
                    out[i * size + v] = (float) (d * W[v]);
                }
            }
            return out;
        }

        private static double sigmoid(ImageBatch images, int i) {
            double z = 0;
            for (int v = 0; v < SHAPE.size(); v++) {
                z += W[v] * images.data()[i * SHAPE.size() + v];
            }
            return 1 / (1 + Math.exp(-z));
        }

        @Override
        public void save(OutputStream out) {
        }

        @Override
        public ClassifierBackend backend() {
            return ClassifierBackend.DL4J;
        }

        @Override
        public String describe() {
            return "logistic";
        }
    }

    private static final class WithoutGradients implements TransformationClassifier {
        private final Logistic inner = new Logistic();

        @Override
        public ImageShape inputShape() {
            return SHAPE;
        }

        @Override
        public int transformationCount() {
            return 2;
        }

        @Override
        public float[] predictSoftmax(ImageBatch images) {
            return inner.predictSoftmax(images);
        }

        @Override
        public void save(OutputStream out) {
        }

        @Override
        public ClassifierBackend backend() {
            return ClassifierBackend.LIBTORCH;
        }

        @Override
        public String describe() {
            return "no gradients";
        }
    }
}
