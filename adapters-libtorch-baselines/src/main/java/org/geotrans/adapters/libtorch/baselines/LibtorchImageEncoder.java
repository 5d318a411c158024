package org.geotrans.adapters.libtorch.baselines;

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
    private static final String WHAT = "libtorch autoencoder";

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

    /** The encoder as bytes: {@link DetectorBytes}' frame, then the network's tensors ({@link TensorFormat}). */
    public byte[] toBytes() {
        return DetectorBytes.write(WHAT, FORMAT, epochs, out -> TensorFormat.write(out, network.shape(), network));
    }

    /**
     * The encoder {@link #toBytes()} wrote.
     *
     * @throws IllegalArgumentException when the bytes are not such an encoder
     */
    public static LibtorchImageEncoder fromBytes(byte[] data) {
        return DetectorBytes.read(data, WHAT, FORMAT, (in, epochs) ->
                new LibtorchImageEncoder(TensorFormat.read(in, shape -> new ConvAutoencoder(shape, 0)), epochs));
    }
}
