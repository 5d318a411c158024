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
import org.geotrans.domain.port.ImageEncoder;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.port.ProgressStage;
import org.geotrans.domain.port.TrainingProgress;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A trained convolutional autoencoder's encoder: the tanh bottleneck code of each image. */
public final class Dl4jImageEncoder implements ImageEncoder {
    private static final int BATCH = 256;
    private static final int FORMAT = 1;

    private final MultiLayerNetwork network;
    private final ImageShape shape;
    private final int epochs;

    Dl4jImageEncoder(MultiLayerNetwork network, ImageShape shape, int epochs) {
        this.network = network;
        this.shape = shape;
        this.epochs = epochs;
    }

    @Override
    public float[][] encode(List<Image> images, ProgressListener progress) {
        return Dl4jBackend.withContextClassLoader(() -> {
            float[][] codes = new float[images.size()][];
            int[] order = ImageArrays.identity(images.size());
            int layer = ConvAutoencoder.codeLayer(shape);
            for (int from = 0; from < codes.length; from += BATCH) {
                int count = Math.min(BATCH, codes.length - from);
                try (INDArray input = ImageArrays.nchw(images, order, from, count, shape)) {
                    List<INDArray> activations = network.feedForwardToLayer(layer, input, false);
                    INDArray code = activations.get(activations.size() - 1);
                    for (int i = 0; i < count; i++) {
                        codes[from + i] = code.getRow(i).toFloatVector();
                    }
                }
                progress.onProgress(new TrainingProgress(ProgressStage.SCORE, 0, 0, from + count, codes.length, Double.NaN,
                        Double.NaN, -1));
            }
            return codes;
        });
    }

    @Override
    public int codeLength() {
        return ConvAutoencoder.CODE_LENGTH;
    }

    @Override
    public String describe() {
        return "DCGAN-shaped convolutional autoencoder, " + ConvAutoencoder.halvings(shape) + " stride-2 stages, "
                + ConvAutoencoder.CODE_LENGTH + "-d tanh code, " + epochs + " epochs, input " + shape;
    }

    /** The image shape the encoder was trained on. */
    public ImageShape shape() {
        return shape;
    }

    /** The encoder as bytes: a format number, the input shape and epochs, then DL4J's model zip (no updater state). */
    public byte[] toBytes() {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); DataOutputStream out = new DataOutputStream(bytes)) {
            new ModelHeader(shape, epochs).write(out, FORMAT);
            ModelSerializer.writeModel(network, out, false);
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
    public static Dl4jImageEncoder fromBytes(byte[] data) {
        return Dl4jBackend.withContextClassLoader(() -> {
            Dl4jBackend.ensureInitialised();
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
                ModelHeader header = ModelHeader.read(in, FORMAT, "an autoencoder");
                MultiLayerNetwork network = ModelHeader.network(in);
                return new Dl4jImageEncoder(network, header.shape(), header.epochs());
            } catch (IOException e) {
                throw new IllegalArgumentException("damaged autoencoder: " + e.getMessage(), e);
            }
        });
    }
}
