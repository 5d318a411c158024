package org.geotrans.adapters.libtorch;

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
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.ClassifierSettings;

/**
 * The saved classifier: a versioned header that says what the network is (input shape, number of
 * transformations, settings, the precision it was trained in and, since format 2, its
 * {@link NetworkRevision}; format 1 files are {@link NetworkRevision#SYMMETRIC_PADDING}), then every tensor of the network
 * by name and shape as big-endian floats, then a CRC-32 of the tensors. The reader rebuilds the
 * network from the header and checks each name and shape against it, so a file of another
 * architecture or a truncated or altered one is refused with one line.
 */
final class ModelFile {
    static final byte[] MAGIC = "GEOTRANS-LIBTORCH-WRN\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DL4J_MAGIC = "GEOTRANS-DL4J-WRN\n".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 2;

    private ModelFile() {
    }

    static void write(LibtorchTransformationClassifier classifier, OutputStream out) throws IOException {
        NetworkSpec spec = classifier.network().spec();
        ClassifierSettings s = spec.settings();
        DataOutputStream header = new DataOutputStream(out);
        header.write(MAGIC);
        header.writeInt(VERSION);
        header.writeUTF(spec.revision().name());
        header.writeUTF(classifier.describe());
        header.writeInt(spec.shape().height());
        header.writeInt(spec.shape().width());
        header.writeInt(spec.shape().channels());
        header.writeInt(spec.classes());
        header.writeInt(s.depth());
        header.writeInt(s.widen());
        header.writeInt(s.epochs());
        header.writeInt(s.batchSize());
        header.writeDouble(s.learningRate());
        header.writeDouble(s.weightDecay());
        header.writeLong(s.seed());
        header.writeUTF(classifier.tuning().precision().name());
        header.writeInt(classifier.network().entries().size());
        CheckedOutputStream checked = new CheckedOutputStream(out, new CRC32());
        DataOutputStream tensors = new DataOutputStream(checked);
        for (WideResNet.Entry e : classifier.network().entries()) {
            tensors.writeUTF(e.name());
            tensors.writeInt(e.shape().length);
            for (long d : e.shape()) {
                tensors.writeLong(d);
            }
            float[] values = Tensors.values(e.tensor());
            for (float v : values) {
                tensors.writeFloat(v);
            }
        }
        tensors.flush();
        header.writeLong(checked.getChecksum().getValue());
        header.flush();
    }

    /**
     * The network, or an IOException with a one-line reason. The file's precision is what it was
     * trained with; the network predicts with {@code tuning}'s.
     */
    static LibtorchTransformationClassifier read(InputStream in, LibtorchTuning tuning) throws IOException {
        try {
            return readChecked(new DataInputStream(in), tuning);
        } catch (EOFException e) {
            throw new IOException("not a complete GeoTrans libtorch classifier: the data ends early", e);
        } catch (IllegalArgumentException e) {
            throw new IOException("not a valid GeoTrans libtorch classifier: " + e.getMessage(), e);
        }
    }

    private static LibtorchTransformationClassifier readChecked(DataInputStream data, LibtorchTuning tuning)
            throws IOException {
        byte[] magic = data.readNBytes(MAGIC.length);
        if (startsWith(magic, DL4J_MAGIC)) {
            throw new IOException("this is a GeoTrans classifier of the dl4j backend; the libtorch backend cannot read it"
                    + " (choose --backend dl4j)");
        }
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException("not a GeoTrans libtorch classifier: the file does not start with the expected header");
        }
        int version = data.readInt();
        if (version < 1 || version > VERSION) {
            throw new IOException("GeoTrans libtorch classifier format version " + version
                    + " is not supported (this build reads 1 to " + VERSION + ")");
        }
        NetworkRevision revision = version == 1 ? NetworkRevision.SYMMETRIC_PADDING : revision(data.readUTF());
        data.readUTF(); // description, for humans reading the header
        ImageShape shape = new ImageShape(data.readInt(), data.readInt(), data.readInt());
        int classes = data.readInt();
        ClassifierSettings settings = new ClassifierSettings(data.readInt(), data.readInt(), data.readInt(),
                data.readInt(), data.readDouble(), data.readDouble(), data.readLong());
        Precision.valueOf(data.readUTF()); // recorded for provenance; prediction uses the caller's tuning
        int count = data.readInt();
        WideResNet network = new WideResNet(new NetworkSpec(shape, classes, settings, revision));
        try {
            if (count != network.entries().size()) {
                throw new IOException("GeoTrans libtorch classifier is inconsistent: " + count + " tensors for a "
                        + settings.networkName() + " that has " + network.entries().size());
            }
            CheckedInputStream checked = new CheckedInputStream(data, new CRC32());
            DataInputStream tensors = new DataInputStream(checked);
            for (WideResNet.Entry e : network.entries()) {
                readInto(tensors, e);
            }
            long expected = checked.getChecksum().getValue();
            if (data.readLong() != expected) {
                throw new IOException("GeoTrans libtorch classifier is corrupt: the tensors' checksum does not match");
            }
            return new LibtorchTransformationClassifier(network, tuning);
        } catch (IOException | RuntimeException e) {
            network.close();
            throw e;
        }
    }

    private static void readInto(DataInputStream in, WideResNet.Entry e) throws IOException {
        String name = in.readUTF();
        int dims = in.readInt();
        if (!name.equals(e.name()) || dims != e.shape().length) {
            throw new IOException("GeoTrans libtorch classifier is inconsistent: found tensor '" + name
                    + "' where the header's network has '" + e.name() + "'");
        }
        long[] shape = new long[dims];
        for (int d = 0; d < dims; d++) {
            shape[d] = in.readLong();
        }
        if (!Arrays.equals(shape, e.shape())) {
            throw new IOException("GeoTrans libtorch classifier is inconsistent: tensor '" + name + "' has shape "
                    + Arrays.toString(shape) + ", the header's network needs " + Arrays.toString(e.shape()));
        }
        float[] values = new float[(int) e.tensor().numel()];
        byte[] bytes = in.readNBytes(values.length * Float.BYTES);
        if (bytes.length != values.length * Float.BYTES) {
            throw new EOFException();
        }
        java.nio.ByteBuffer.wrap(bytes).asFloatBuffer().get(values);
        Tensors.assign(e.tensor(), values);
    }

    /** The revision a header names; the reader's message names what it found. */
    static NetworkRevision revision(String name) {
        try {
            return NetworkRevision.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown network revision '" + name + "'", e);
        }
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(Arrays.copyOf(data, prefix.length), prefix);
    }
}
