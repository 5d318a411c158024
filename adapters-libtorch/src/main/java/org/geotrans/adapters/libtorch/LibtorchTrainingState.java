package org.geotrans.adapters.libtorch;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
 * What libtorch needs to continue a training exactly: every tensor of the network (batch norm's
 * running statistics included) as fp32, then Adam's state as libtorch serialises it (each
 * parameter's moments and step count, which its bias correction depends on). Training draws no
 * random numbers (the weights are initialised from the seed in Java, there is no dropout), and
 * the position in the data stream is the checkpoint's own, so nothing else is needed.
 */
final class LibtorchTrainingState {
    private static final byte[] MAGIC = "GEOTRANS-LIBTORCH-TRAINING-STATE\n".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;

    private LibtorchTrainingState() {
    }

    static void write(WideResNet network, Adam optimizer, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.write(MAGIC);
        data.writeInt(VERSION);
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

    /** Overwrites the network's tensors and Adam's state with the saved ones. */
    static void restore(InputStream in, WideResNet network, Adam optimizer) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (!Arrays.equals(data.readNBytes(MAGIC.length), MAGIC)) {
            throw new IOException("the checkpoint does not hold a libtorch training state");
        }
        int version = data.readInt();
        if (version != VERSION) {
            throw new IOException("libtorch training state version " + version + " is not supported (this build reads "
                    + VERSION + ")");
        }
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
