package org.geotrans.adapters.baselines;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.geotrans.adapters.dl4j.Dl4jBackend;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.ImageDetector;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.port.ProgressStage;
import org.geotrans.domain.port.TrainingProgress;
import org.geotrans.domain.svdd.Hypersphere;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained One-Class Deep SVDD: an image's score is minus the squared distance of its
 * representation to the centre c, so that higher means more normal.
 */
public final class Dl4jDeepSvdd implements ImageDetector {
    private static final int BATCH = 256;
    private static final int FORMAT = 1;

    private final MultiLayerNetwork network;
    private final ImageShape shape;
    private final Hypersphere sphere;
    private final int epochs;

    Dl4jDeepSvdd(MultiLayerNetwork network, ImageShape shape, Hypersphere sphere, int epochs) {
        this.network = network;
        this.shape = shape;
        this.sphere = sphere;
        this.epochs = epochs;
    }

    @Override
    public double[] scores(List<Image> images, ProgressListener progress) {
        return Dl4jBackend.withContextClassLoader(() -> {
            float[][] representations = representations(network, images, shape, progress);
            return sphere.scores(representations);
        });
    }

    @Override
    public String describe() {
        return "One-Class Deep SVDD, LeNet-type (32-64-128 5x5 convolutions, no biases), " + DeepSvddNetwork.REPRESENTATION
                + "-d representation, " + epochs + " epochs, no autoencoder pretraining, input " + shape;
    }

    /** The centre c of the hypersphere. */
    float[] centre() {
        return sphere.centre();
    }

    /** The image shape the network was trained on. */
    public ImageShape shape() {
        return shape;
    }

    static float[][] representations(MultiLayerNetwork network, List<Image> images, ImageShape shape) {
        return representations(network, images, shape, ProgressListener.SILENT);
    }

    private static float[][] representations(MultiLayerNetwork network, List<Image> images, ImageShape shape,
                                             ProgressListener progress) {
        float[][] out = new float[images.size()][];
        int[] order = ImageArrays.identity(images.size());
        int layer = DeepSvddNetwork.representationLayer(shape);
        for (int from = 0; from < out.length; from += BATCH) {
            int count = Math.min(BATCH, out.length - from);
            try (INDArray input = ImageArrays.nchw(images, order, from, count, shape)) {
                List<INDArray> activations = network.feedForwardToLayer(layer, input, false);
                INDArray r = activations.get(activations.size() - 1);
                for (int i = 0; i < count; i++) {
                    out[from + i] = r.getRow(i).toFloatVector();
                }
            }
            progress.onProgress(new TrainingProgress(ProgressStage.SCORE, 0, 0, from + count, out.length, Double.NaN,
                    Double.NaN, -1));
        }
        return out;
    }

    /** The detector as bytes: a format number, the input shape, epochs and centre, then DL4J's model zip. */
    public byte[] toBytes() {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); DataOutputStream out = new DataOutputStream(bytes)) {
            new ModelHeader(shape, epochs).write(out, FORMAT);
            float[] centre = sphere.centre();
            out.writeInt(centre.length);
            for (float v : centre) {
                out.writeFloat(v);
            }
            ModelSerializer.writeModel(network, out, false);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the Deep SVDD network: " + e.getMessage(), e);
        }
    }

    /**
     * The detector {@link #toBytes()} wrote.
     *
     * @throws IllegalArgumentException when the bytes are not such a detector
     */
    public static Dl4jDeepSvdd fromBytes(byte[] data) {
        return Dl4jBackend.withContextClassLoader(() -> {
            Dl4jBackend.ensureInitialised();
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
                ModelHeader header = ModelHeader.read(in, FORMAT, "a Deep SVDD detector");
                int length = in.readInt();
                if (length != DeepSvddNetwork.REPRESENTATION) {
                    throw new IllegalArgumentException("centre of " + length + " values, expected "
                            + DeepSvddNetwork.REPRESENTATION);
                }
                float[] centre = new float[length];
                for (int i = 0; i < length; i++) {
                    centre[i] = in.readFloat();
                }
                MultiLayerNetwork network = ModelHeader.network(in);
                return new Dl4jDeepSvdd(network, header.shape(), new Hypersphere(centre), header.epochs());
            } catch (IOException e) {
                throw new IllegalArgumentException("damaged Deep SVDD detector: " + e.getMessage(), e);
            }
        });
    }
}
