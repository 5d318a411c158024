package org.geotrans.adapters.store;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Random;
import org.geotrans.domain.image.ImageBatch;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.ClassifierBackend;
import org.geotrans.domain.port.ClassifierSettings;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.port.TransformationClassifier;
import org.geotrans.domain.port.TransformationClassifierProvider;
import org.geotrans.domain.training.TrainingBatches;

/**
 * A stand-in network for one backend: random projections fixed by a seed, whose softmax is a
 * deterministic function of the pixels, saved as a few bytes; counts the networks it loads.
 */
final class FakeNetworks implements TransformationClassifierProvider {
    private final ClassifierBackend backend;
    int loads;

    FakeNetworks(ClassifierBackend backend) {
        this.backend = backend;
    }

    TransformationClassifier network(ImageShape shape, int k, long seed) {
        return new Projection(backend, shape, k, seed);
    }

    @Override
    public ClassifierBackend backend() {
        return backend;
    }

    @Override
    public TransformationClassifier train(TrainingBatches data, ClassifierSettings settings, ProgressListener progress) {
        throw new UnsupportedOperationException("the store tests make networks directly");
    }

    @Override
    public TransformationClassifier load(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        if (d.readInt() != 0xFA4E) {
            throw new IOException("not a fake network");
        }
        loads++;
        return new Projection(backend, new ImageShape(d.readInt(), d.readInt(), d.readInt()), d.readInt(), d.readLong());
    }

    private static final class Projection implements TransformationClassifier {
        private final ClassifierBackend backend;
        private final ImageShape shape;
        private final int k;
        private final long seed;
        private final float[][] weights;

        Projection(ClassifierBackend backend, ImageShape shape, int k, long seed) {
            this.backend = backend;
            this.shape = shape;
            this.k = k;
            this.seed = seed;
            Random r = new Random(seed);
            weights = new float[k][shape.size()];
            for (float[] w : weights) {
                for (int i = 0; i < w.length; i++) {
                    w[i] = (float) (r.nextGaussian() * 0.05);
                }
            }
        }

        @Override
        public ImageShape inputShape() {
            return shape;
        }

        @Override
        public int transformationCount() {
            return k;
        }

        @Override
        public float[] predictSoftmax(ImageBatch images) {
            float[] out = new float[images.count() * k];
            float[] x = images.data();
            for (int i = 0; i < images.count(); i++) {
                double[] z = new double[k];
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < k; j++) {
                    double s = 0;
                    for (int p = 0; p < shape.size(); p++) {
                        s += weights[j][p] * x[i * shape.size() + p];
                    }
                    z[j] = s;
                    max = Math.max(max, s);
                }
                double sum = 0;
                for (int j = 0; j < k; j++) {
                    z[j] = Math.exp(z[j] - max);
                    sum += z[j];
                }
                for (int j = 0; j < k; j++) {
                    out[i * k + j] = (float) (z[j] / sum);
                }
            }
            return out;
        }

        @Override
        public void save(OutputStream out) throws IOException {
            DataOutputStream d = new DataOutputStream(out);
            d.writeInt(0xFA4E);
            d.writeInt(shape.height());
            d.writeInt(shape.width());
            d.writeInt(shape.channels());
            d.writeInt(k);
            d.writeLong(seed);
            d.flush();
        }

        @Override
        public ClassifierBackend backend() {
            return backend;
        }

        @Override
        public String describe() {
            return "fake projection (seed " + seed + ")";
        }
    }
}
