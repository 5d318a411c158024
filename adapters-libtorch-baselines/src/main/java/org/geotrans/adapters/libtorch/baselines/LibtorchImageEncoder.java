package org.geotrans.adapters.libtorch.baselines;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.ImageEncoder;
import org.geotrans.domain.port.ProgressListener;

/**
 * A trained convolutional autoencoder's encoder on libtorch: the tanh bottleneck code of each
 * image. Holds native memory until the JVM frees it (a detector lives as long as its report).
 */
public final class LibtorchImageEncoder implements ImageEncoder {
    private static final int FORMAT = 1;

    private final ConvAutoencoder network;
    private final int epochs;

    LibtorchImageEncoder(ConvAutoencoder network, int epochs) {
        this.network = network;
        this.epochs = epochs;
    }

    @Override
    public float[][] encode(List<Image> images, ProgressListener progress) {
        return BatchedInference.rows(images, network.shape(), x -> network.codes(x, false), progress);
    }

    @Override
    public int codeLength() {
        return ConvAutoencoder.CODE_LENGTH;
    }

    @Override
    public String describe() {
        return "DCGAN-shaped convolutional autoencoder on libtorch, " + ConvAutoencoder.halvings(shape())
                + " stride-2 stages, " + ConvAutoencoder.CODE_LENGTH + "-d tanh code, " + epochs + " epochs, input "
                + shape();
    }

    /** The image shape the encoder was trained on. */
    public ImageShape shape() {
        return network.shape();
    }

    /** The encoder as bytes: a format number and the epochs, then the network's tensors ({@link TensorFormat}). */
    public byte[] toBytes() {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeInt(epochs);
            TensorFormat.write(out, network.shape(), network);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the autoencoder: " + e.getMessage(), e);
        }
    }

    /**
     * The encoder {@link #toBytes()} wrote.
     *
     * @throws IllegalArgumentException when the bytes are not such an encoder
     */
    public static LibtorchImageEncoder fromBytes(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("not a libtorch autoencoder of format " + FORMAT + ": found " + format);
            }
            int epochs = in.readInt();
            ConvAutoencoder network = TensorFormat.read(in, shape -> new ConvAutoencoder(shape, 0));
            return new LibtorchImageEncoder(network, epochs);
        } catch (IOException e) {
            throw new IllegalArgumentException("damaged libtorch autoencoder: " + e.getMessage(), e);
        }
    }
}
