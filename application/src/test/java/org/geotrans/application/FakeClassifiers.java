package org.geotrans.application;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.Random;
import org.geotrans.domain.image.ImageBatch;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.ClassifierBackend;
import org.geotrans.domain.port.ClassifierSettings;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.port.TransformationClassifier;
import org.geotrans.domain.port.TransformationClassifierProvider;
import org.geotrans.domain.training.LabeledBatch;
import org.geotrans.domain.training.TrainingBatches;

/**
 * A test double for the network: "training" walks the stream once per epoch (counting pairs)
 * and fixes random projection weights from the seed; predictions are the softmax of those
 * projections, a deterministic function of the pixels, so the use cases' plumbing (fit, score,
 * save, load) can be checked exactly without Deeplearning4j.
 */
public final class FakeClassifiers implements TransformationClassifierProvider {
    public long pairsSeen;
    public int epochsSeen;

    /** Stands in for the default backend, so that detectors it makes save and load like real ones. */
    @Override
    public ClassifierBackend backend() {
        return ClassifierBackend.DL4J;
    }

    @Override
    public TransformationClassifier train(TrainingBatches data, ClassifierSettings settings, ProgressListener progress) {
        for (int e = 0; e < settings.epochs(); e++) {
            for (Iterator<LabeledBatch> it = data.epoch(e); it.hasNext(); ) {
                pairsSeen += it.next().images().count();
            }
            epochsSeen++;
        }
        return new Projection(data.shape(), data.classes(), settings.seed());
    }

    @Override
    public TransformationClassifier load(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        if (d.readInt() != 0xFA4E) {
            throw new IOException("not a fake classifier");
        }
        return new Projection(new ImageShape(d.readInt(), d.readInt(), d.readInt()), d.readInt(), d.readLong());
    }

    static final class Projection implements TransformationClassifier {
        private final ImageShape shape;
        private final int k;
        private final long seed;
        private final float[][] weights;

        Projection(ImageShape shape, int k, long seed) {
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
                double max = Double.NEGATIVE_INFINITY;
                double[] z = new double[k];
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
            return ClassifierBackend.DL4J;
        }

        @Override
        public String describe() {
            return "fake projection (seed " + seed + ")";
        }
    }
}
