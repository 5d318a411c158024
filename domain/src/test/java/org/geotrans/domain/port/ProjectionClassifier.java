package org.geotrans.domain.port;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Random;
import org.geotrans.domain.image.ImageBatch;
import org.geotrans.domain.image.ImageShape;

/**
 * A stand-in network for the tests of what surrounds one (use cases, model files): random
 * projections fixed by a seed whose softmax is a deterministic function of the pixels, saved as a
 * few bytes, so fitting, scoring, saving and loading can be checked exactly without a backend.
 */
public final class ProjectionClassifier implements TransformationClassifier {
    private static final int MAGIC = 0xFA4E;
    private final ClassifierBackend backend;
    private final ImageShape shape;
    private final int k;
    private final long seed;
    private final float[][] weights;

    /** @param backend the backend it stands in for, so that what it is saved in loads like a real one */
    public ProjectionClassifier(ClassifierBackend backend, ImageShape shape, int k, long seed) {
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

    /**
     * The projection {@link #save} wrote.
     *
     * @throws IOException when the bytes are not one
     */
    public static ProjectionClassifier read(InputStream in, ClassifierBackend backend) throws IOException {
        DataInputStream d = new DataInputStream(in);
        if (d.readInt() != MAGIC) {
            throw new IOException("not a fake network");
        }
        return new ProjectionClassifier(backend, new ImageShape(d.readInt(), d.readInt(), d.readInt()), d.readInt(),
                d.readLong());
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
        d.writeInt(MAGIC);
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
