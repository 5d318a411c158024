package org.geotrans.adapters.dl4j;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.ClassifierSettings;

/**
 * The saved classifier: a versioned header with what is needed to use the network (input shape,
 * number of transformations, settings, layout), then DL4J's ModelSerializer zip, length-prefixed
 * and checksummed so a truncated or altered file is refused before DL4J parses it.
 *
 * <p>Only the entries ModelSerializer writes for a plain network are accepted ({@link Dl4jModelZip}),
 * so untrusted bytes never reach an {@code ObjectInputStream}.
 */
final class ModelFile {
    private static final byte[] MAGIC = "GEOTRANS-DL4J-WRN\n".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final long MAX_MODEL_BYTES = Integer.MAX_VALUE - 16;

    private ModelFile() {
    }

    static void write(Dl4jTransformationClassifier classifier, OutputStream out) throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        // the updater state (Adam moments) is only needed to resume training; prediction does not use it
        ModelSerializer.writeModel(classifier.network(), zip, false);
        byte[] model = zip.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(model);

        NetworkSpec spec = classifier.spec();
        ClassifierSettings s = spec.settings();
        DataOutputStream data = new DataOutputStream(out);
        data.write(MAGIC);
        data.writeInt(VERSION);
        data.writeUTF(classifier.describe());
        data.writeInt(spec.shape().height());
        data.writeInt(spec.shape().width());
        data.writeInt(spec.shape().channels());
        data.writeInt(spec.classes());
        data.writeInt(s.depth());
        data.writeInt(s.widen());
        data.writeInt(s.epochs());
        data.writeInt(s.batchSize());
        data.writeDouble(s.learningRate());
        data.writeDouble(s.weightDecay());
        data.writeLong(s.seed());
        data.writeUTF(spec.format().name());
        data.writeInt(spec.tuning().inferenceBatch());
        data.writeLong(model.length);
        data.writeLong(crc.getValue());
        data.write(model);
        data.flush();
    }

    /** The network and its spec, or an IOException with a one-line reason. */
    static Dl4jTransformationClassifier read(InputStream in, Dl4jTuning tuning, String backend) throws IOException {
        try {
            return readChecked(new DataInputStream(in), tuning, backend);
        } catch (EOFException e) {
            throw new IOException("not a complete GeoTrans DL4J classifier: the data ends early", e);
        } catch (IllegalArgumentException e) {
            throw new IOException("not a valid GeoTrans DL4J classifier: " + e.getMessage(), e);
        }
    }

    private static Dl4jTransformationClassifier readChecked(DataInputStream data, Dl4jTuning tuning, String backend)
            throws IOException {
        byte[] magic = data.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException("not a GeoTrans DL4J classifier: the file does not start with the expected header");
        }
        int version = data.readInt();
        if (version != VERSION) {
            throw new IOException("GeoTrans DL4J classifier format version " + version + " is not supported (this build reads "
                    + VERSION + ")");
        }
        data.readUTF(); // description, for humans reading the header
        ImageShape shape = new ImageShape(data.readInt(), data.readInt(), data.readInt());
        int classes = data.readInt();
        ClassifierSettings settings = new ClassifierSettings(data.readInt(), data.readInt(), data.readInt(),
                data.readInt(), data.readDouble(), data.readDouble(), data.readLong());
        CNN2DFormat format = CNN2DFormat.valueOf(data.readUTF());
        int inferenceBatch = data.readInt();
        long length = data.readLong();
        long checksum = data.readLong();
        if (length <= 0 || length > MAX_MODEL_BYTES) {
            throw new IOException("not a valid GeoTrans DL4J classifier: network size " + length + " bytes is impossible");
        }
        byte[] model = readBytes(data, (int) length);
        CRC32 crc = new CRC32();
        crc.update(model);
        if (crc.getValue() != checksum) {
            throw new IOException("GeoTrans DL4J classifier is corrupt: the network's checksum does not match");
        }
        Dl4jModelZip.checkPlainNetwork(model, "GeoTrans DL4J classifier");
        NetworkSpec spec = new NetworkSpec(shape, classes, settings,
                new Dl4jTuning(format, tuning.inferenceFormat(), tuning.workspaceMode(), inferenceBatch,
                        tuning.prefetch(), tuning.cacheMode()));
        ComputationGraph network;
        try {
            network = ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(model), false);
        } catch (RuntimeException e) {
            throw new IOException("GeoTrans DL4J classifier could not be restored: " + e, e);
        }
        long outputs = network.getLayer(WideResNet.OUTPUT).getParam("W").size(1);
        if (outputs != classes) {
            throw new IOException("GeoTrans DL4J classifier is inconsistent: header says " + classes
                    + " transformations, network has " + outputs + " outputs");
        }
        return new Dl4jTransformationClassifier(network, spec, backend);
    }

    /** Reads exactly {@code length} bytes without trusting the length for a single allocation. */
    private static byte[] readBytes(DataInputStream data, int length) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(Math.min(length, 1 << 20));
        byte[] chunk = new byte[1 << 16];
        int left = length;
        while (left > 0) {
            int read = data.read(chunk, 0, Math.min(chunk.length, left));
            if (read < 0) {
                throw new EOFException();
            }
            buffer.write(chunk, 0, read);
            left -= read;
        }
        return buffer.toByteArray();
    }
}
