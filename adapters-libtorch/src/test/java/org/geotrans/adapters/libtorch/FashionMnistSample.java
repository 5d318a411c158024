package org.geotrans.adapters.libtorch;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;

/**
 * The first images of Debian's dataset-fashion-mnist (IDX, gzip), scaled to [-1, 1] as in the
 * paper's code. A minimal reader for tests only; the real readers live in adapters-datasets.
 */
final class FashionMnistSample {
    static final Path DIR = Path.of("/usr/share/datasets/fashion-mnist");
    static final ImageShape SHAPE = new ImageShape(28, 28, 1);

    private FashionMnistSample() {
    }

    static boolean available() {
        return Files.isReadable(DIR.resolve("train-images-idx3-ubyte.gz"))
                && Files.isReadable(DIR.resolve("t10k-images-idx3-ubyte.gz"));
    }

    static List<Image> train(int count) throws IOException {
        return read(DIR.resolve("train-images-idx3-ubyte.gz"), count);
    }

    static List<Image> test(int count) throws IOException {
        return read(DIR.resolve("t10k-images-idx3-ubyte.gz"), count);
    }

    private static List<Image> read(Path file, int count) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new GZIPInputStream(raw))) {
            int magic = in.readInt();
            if (magic != 0x803) {
                throw new IOException(file + " is not an IDX image file (magic " + Integer.toHexString(magic) + ")");
            }
            int available = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            if (rows != SHAPE.height() || cols != SHAPE.width()) {
                throw new IOException(file + " holds " + rows + "x" + cols + " images, expected 28x28");
            }
            List<Image> images = new ArrayList<>(Math.min(count, available));
            byte[] pixels = new byte[rows * cols];
            for (int i = 0; i < Math.min(count, available); i++) {
                in.readFully(pixels);
                float[] v = new float[pixels.length];
                for (int p = 0; p < v.length; p++) {
                    v[p] = (pixels[p] & 0xFF) / 127.5f - 1f;
                }
                images.add(new Image(SHAPE, v));
            }
            return images;
        }
    }
}
