package org.geotrans.adapters.libtorch.baselines;

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
    private static final String WHAT = "libtorch Deep SVDD detector";

    private final DeepSvddNetwork network;
    private final Hypersphere sphere;
    private final int epochs;

    LibtorchDeepSvdd(DeepSvddNetwork network, Hypersphere sphere, int epochs) {
        if (sphere.dimension() != DeepSvddNetwork.REPRESENTATION) {
            throw new IllegalArgumentException("centre of " + sphere.dimension() + " values, expected "
                    + DeepSvddNetwork.REPRESENTATION);
        }
        this.network = network;
        this.sphere = sphere;
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
        return sphere.scores(representations);
    }

    @Override
    public String describe() {
        return "One-Class Deep SVDD on libtorch, LeNet-type (32-64-128 5x5 convolutions, no biases), "
                + DeepSvddNetwork.REPRESENTATION + "-d representation, " + epochs
                + " epochs, no autoencoder pretraining, input " + shape();
    }

    /** The centre c of the hypersphere. */
    float[] centre() {
        return sphere.centre();
    }

    /** The image shape the network was trained on. */
    public ImageShape shape() {
        return network.shape();
    }

    /** The detector as bytes: {@link DetectorBytes}' frame, the centre, then the network's tensors ({@link TensorFormat}). */
    public byte[] toBytes() {
        return DetectorBytes.write(WHAT, FORMAT, epochs, out -> {
            DetectorBytes.writeFloats(out, sphere.centre());
            TensorFormat.write(out, network.shape(), network);
        });
    }

    /**
     * The detector {@link #toBytes()} wrote.
     *
     * @throws IllegalArgumentException when the bytes are not such a detector
     */
    public static LibtorchDeepSvdd fromBytes(byte[] data) {
        return DetectorBytes.read(data, WHAT, FORMAT, (in, epochs) -> {
            float[] centre = DetectorBytes.readFloats(in, DeepSvddNetwork.REPRESENTATION, "centre");
            DeepSvddNetwork network = TensorFormat.read(in, shape -> new DeepSvddNetwork(shape, 0));
            return new LibtorchDeepSvdd(network, new Hypersphere(centre), epochs);
        });
    }
}
