package org.geotrans.adapters.libtorch;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.InputArchive;
import org.bytedeco.pytorch.OutputArchive;

/**
 * What libtorch needs to continue a training exactly: the network's {@link NetworkRevision}
 * (since version 2; version 1 states are {@link NetworkRevision#SYMMETRIC_PADDING}), which the
 * caller reads first to build the network, then every tensor of the network (batch norm's
 * running statistics included) as fp32, then Adam's state as libtorch serialises it (each
 * parameter's moments and step count, which its bias correction depends on). Training draws no
 * random numbers (the weights are initialised from the seed in Java, there is no dropout), and
 * the position in the data stream is the checkpoint's own, so nothing else is needed.
 */
final class LibtorchTrainingState {
    private static final byte[] MAGIC = "GEOTRANS-LIBTORCH-TRAINING-STATE\n".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 2;

    private LibtorchTrainingState() {
    }

    static void write(WideResNet network, Adam optimizer, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.write(MAGIC);
        data.writeInt(VERSION);
        data.writeUTF(network.spec().revision().name());
        data.writeInt(network.entries().size());
        for (WideResNet.Entry e : network.entries()) {
            data.writeUTF(e.name());
            float[] values = Tensors.values(e.tensor());
            data.writeInt(values.length);
            ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES);
            bytes.asFloatBuffer().put(values);
            data.write(bytes.array());
        }
        byte[] adam = adamState(optimizer);
        data.writeInt(adam.length);
        data.write(adam);
        data.flush();
    }

    /** Reads the state's header: the revision of the network to build before {@link #restore}. */
    static NetworkRevision readRevision(DataInputStream data) throws IOException {
        if (!Arrays.equals(data.readNBytes(MAGIC.length), MAGIC)) {
            throw new IOException("the checkpoint does not hold a libtorch training state");
        }
        int version = data.readInt();
        if (version < 1 || version > VERSION) {
            throw new IOException("libtorch training state version " + version + " is not supported (this build reads 1 to "
                    + VERSION + ")");
        }
        if (version == 1) {
            return NetworkRevision.SYMMETRIC_PADDING;
        }
        try {
            return ModelFile.revision(data.readUTF());
        } catch (IllegalArgumentException e) {
            throw new IOException("the libtorch training state is damaged: " + e.getMessage(), e);
        }
    }

    /**
     * Overwrites the network's tensors and Adam's state with the saved ones, read from where
     * {@link #readRevision} stopped.
     */
    static void restore(DataInputStream data, WideResNet network, Adam optimizer) throws IOException {
        int count = data.readInt();
        if (count != network.entries().size()) {
            throw new IOException("the libtorch training state has " + count + " tensors, the network "
                    + network.entries().size());
        }
        for (WideResNet.Entry e : network.entries()) {
            String name = data.readUTF();
            int length = data.readInt();
            if (!name.equals(e.name()) || length != e.tensor().numel()) {
                throw new IOException("the libtorch training state holds tensor '" + name + "' of " + length
                        + " values where the network has '" + e.name() + "' of " + e.tensor().numel());
            }
            float[] values = new float[length];
            ByteBuffer.wrap(readExactly(data, length * Float.BYTES)).asFloatBuffer().get(values);
            Tensors.assign(e.tensor(), values);
        }
        int adamLength = data.readInt();
        if (adamLength < 0) {
            throw new IOException("the libtorch training state is damaged: negative optimizer length");
        }
        loadAdamState(optimizer, readExactly(data, adamLength));
    }

    /** libtorch writes archives to files or callbacks; a temporary file is the simplest bridge. */
    private static byte[] adamState(Adam optimizer) throws IOException {
        Path file = Files.createTempFile("geotrans-adam-", ".pt");
        try (OutputArchive archive = new OutputArchive()) {
            optimizer.save(archive);
            archive.save_to(file.toString());
            return Files.readAllBytes(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void loadAdamState(Adam optimizer, byte[] bytes) throws IOException {
        try (BytePointer buffer = new BytePointer(bytes.length);
             InputArchive archive = new InputArchive()) {
            buffer.put(bytes);
            archive.load_from(buffer, bytes.length);
            optimizer.load(archive);
        } catch (RuntimeException e) {
            throw new IOException("the optimizer's state in the checkpoint could not be read: " + e.getMessage(), e);
        }
    }

    private static byte[] readExactly(DataInputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new IOException("the libtorch training state ends early");
        }
        return bytes;
    }
}
