package org.geotrans.adapters.libtorch.baselines;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.bytedeco.pytorch.Tensor;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.ImageDetector;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.svdd.Hypersphere;

/**
 * A trained One-Class Deep SVDD on libtorch: an image's score is minus the squared distance of
 * its representation to the centre c, so that higher means more normal.
 */
public final class LibtorchDeepSvdd implements ImageDetector {
    private static final int FORMAT = 1;

    private final DeepSvddNetwork network;
    private final float[] centre;
    private final int epochs;

    LibtorchDeepSvdd(DeepSvddNetwork network, float[] centre, int epochs) {
        if (centre.length != DeepSvddNetwork.REPRESENTATION) {
            throw new IllegalArgumentException("centre of " + centre.length + " values, expected "
                    + DeepSvddNetwork.REPRESENTATION);
        }
        this.network = network;
        this.centre = centre.clone();
        this.epochs = epochs;
    }

    /** Per row of {@code representations}, the squared distance to {@code centre} (a 1 x d row). */
    static Tensor squaredDistances(Tensor representations, Tensor centre) {
        return representations.sub(centre).square().sum(1);
    }

    @Override
    public double[] scores(List<Image> images, ProgressListener progress) {
        float[][] representations = BatchedInference.rows(images, network.shape(), x -> network.representations(x, false),
                progress);
        return new Hypersphere(centre).scores(representations);
    }

    @Override
    public String describe() {
        return "One-Class Deep SVDD on libtorch, LeNet-type (32-64-128 5x5 convolutions, no biases), "
                + DeepSvddNetwork.REPRESENTATION + "-d representation, " + epochs
                + " epochs, no autoencoder pretraining, input " + shape();
    }

    /** The centre c of the hypersphere. */
    float[] centre() {
        return centre.clone();
    }

    /** The image shape the network was trained on. */
    public ImageShape shape() {
        return network.shape();
    }

    /** The detector as bytes: a format number, the epochs and the centre, then the network's tensors ({@link TensorFormat}). */
    public byte[] toBytes() {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeInt(epochs);
            out.writeInt(centre.length);
            for (float v : centre) {
                out.writeFloat(v);
            }
            TensorFormat.write(out, network.shape(), network);
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
    public static LibtorchDeepSvdd fromBytes(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("not a libtorch Deep SVDD detector of format " + FORMAT + ": found "
                        + format);
            }
            int epochs = in.readInt();
            int length = in.readInt();
            if (length != DeepSvddNetwork.REPRESENTATION) {
                throw new IllegalArgumentException("centre of " + length + " values, expected "
                        + DeepSvddNetwork.REPRESENTATION);
            }
            float[] centre = new float[length];
            for (int i = 0; i < length; i++) {
                centre[i] = in.readFloat();
            }
            DeepSvddNetwork network = TensorFormat.read(in, shape -> new DeepSvddNetwork(shape, 0));
            return new LibtorchDeepSvdd(network, centre, epochs);
        } catch (IOException e) {
            throw new IllegalArgumentException("damaged libtorch Deep SVDD detector: " + e.getMessage(), e);
        }
    }
}
