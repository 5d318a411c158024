package org.geotrans.it.spark;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** The first images of Fashion-MNIST's IDX files, as IDX files of their own: a data set every unit reads in an instant. */
final class SmallFashionMnist {
    private SmallFashionMnist() {
    }

    static Path write(Path source, Path folder, int train, int test) throws IOException {
        Files.createDirectories(folder);
        copy(source.resolve("train-images-idx3-ubyte.gz"), folder.resolve("train-images-idx3-ubyte"), train);
        copy(source.resolve("train-labels-idx1-ubyte.gz"), folder.resolve("train-labels-idx1-ubyte"), train);
        copy(source.resolve("t10k-images-idx3-ubyte.gz"), folder.resolve("t10k-images-idx3-ubyte"), test);
        copy(source.resolve("t10k-labels-idx1-ubyte.gz"), folder.resolve("t10k-labels-idx1-ubyte"), test);
        return folder;
    }

    /** An IDX file cut to its first {@code count} items: the header's count replaced, the rest kept. */
    private static void copy(Path gz, Path target, int count) throws IOException {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(gz)));
                DataOutputStream out = new DataOutputStream(Files.newOutputStream(target))) {
            int magic = in.readInt();
            int dimensions = magic & 0xff;
            int items = in.readInt();
            if (items < count) {
                throw new IOException(gz + " holds " + items + " items, fewer than " + count);
            }
            out.writeInt(magic);
            out.writeInt(count);
            long itemBytes = 1;
            for (int d = 1; d < dimensions; d++) {
                int size = in.readInt();
                out.writeInt(size);
                itemBytes *= size;
            }
            copyBytes(in, out, itemBytes * count);
        }
    }

    private static void copyBytes(InputStream in, OutputStream out, long bytes) throws IOException {
        byte[] buffer = new byte[1 << 16];
        for (long left = bytes; left > 0; ) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new IOException("the file ended " + left + " bytes early");
            }
            out.write(buffer, 0, read);
            left -= read;
        }
    }
}
