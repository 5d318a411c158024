package org.geotrans.adapters.libtorch.baselines;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.Function;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.geotrans.adapters.libtorch.Tensors;
import org.geotrans.domain.image.ImageShape;

/**
 * A trained network's tensors as bytes, inside a detector's own bytes (which come first and say
 * what else the network needs: a code length, the epochs, a centre): a format version, the input
 * shape, the number of tensors, then each tensor's name, logical shape and values as big-endian
 * floats, and a CRC-32 of the tensors. The reader builds the network from the shape and checks
 * every name and shape against it, so bytes of another architecture, truncated or altered ones
 * are refused with one line.
 */
final class TensorFormat {
    static final int VERSION = 1;

    private TensorFormat() {
    }

    /** Writes {@code network}, made for {@code shape}'s images. */
    static void write(DataOutputStream out, ImageShape shape, TensorNetwork network) throws IOException {
        NetworkTensors tensors = network.tensors();
        out.writeInt(VERSION);
        out.writeInt(shape.height());
        out.writeInt(shape.width());
        out.writeInt(shape.channels());
        out.writeInt(tensors.entries().size());
        CheckedOutputStream checked = new CheckedOutputStream(out, new CRC32());
        DataOutputStream values = new DataOutputStream(checked);
        for (NetworkTensors.Entry e : tensors.entries()) {
            values.writeUTF(e.name());
            values.writeInt(e.shape().length);
            for (long d : e.shape()) {
                values.writeLong(d);
            }
            ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(e.size() * Float.BYTES));
            bytes.asFloatBuffer().put(Tensors.values(e.tensor()));
            values.write(bytes.array());
        }
        values.flush();
        out.writeLong(checked.getChecksum().getValue());
    }

    /**
     * The network {@link #write} wrote: {@code build} makes a fresh one for the shape read, whose
     * tensors are then overwritten.
     *
     * @throws IOException with a one-line reason when the bytes are not such a network
     */
    static <N extends TensorNetwork> N read(DataInputStream in, Function<ImageShape, N> build) throws IOException {
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("network tensors of format version " + version + " are not supported (this build reads "
                    + VERSION + ")");
        }
        ImageShape shape;
        try {
            shape = new ImageShape(in.readInt(), in.readInt(), in.readInt());
        } catch (IllegalArgumentException e) {
            throw new IOException("the network's input shape is invalid: " + e.getMessage(), e);
        }
        int count = in.readInt();
        N network = build.apply(shape);
        try {
            NetworkTensors tensors = network.tensors();
            if (count != tensors.entries().size()) {
                throw new IOException(count + " tensors where the network for " + shape + " has "
                        + tensors.entries().size());
            }
            CheckedInputStream checked = new CheckedInputStream(in, new CRC32());
            DataInputStream values = new DataInputStream(checked);
            for (NetworkTensors.Entry e : tensors.entries()) {
                readInto(values, e);
            }
            long expected = checked.getChecksum().getValue();
            if (in.readLong() != expected) {
                throw new IOException("the tensors' checksum does not match: the bytes are damaged");
            }
            return network;
        } catch (IOException | RuntimeException e) {
            network.close();
            throw e;
        }
    }

    private static void readInto(DataInputStream in, NetworkTensors.Entry e) throws IOException {
        String name = in.readUTF();
        int dims = in.readInt();
        if (!name.equals(e.name()) || dims != e.shape().length) {
            throw new IOException("found tensor '" + name + "' where the network has '" + e.name() + "'");
        }
        long[] shape = new long[dims];
        for (int d = 0; d < dims; d++) {
            shape[d] = in.readLong();
        }
        if (!Arrays.equals(shape, e.shape())) {
            throw new IOException("tensor '" + name + "' has shape " + Arrays.toString(shape) + ", the network needs "
                    + Arrays.toString(e.shape()));
        }
        int count = Math.toIntExact(e.size());
        byte[] bytes = in.readNBytes(count * Float.BYTES);
        if (bytes.length != count * Float.BYTES) {
            throw new EOFException("the bytes end inside tensor '" + name + "'");
        }
        float[] values = new float[count];
        ByteBuffer.wrap(bytes).asFloatBuffer().get(values);
        Tensors.assign(e.tensor(), values);
    }
}
