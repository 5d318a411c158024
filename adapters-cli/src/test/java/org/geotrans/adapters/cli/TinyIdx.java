package org.geotrans.adapters.cli;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A small Fashion-MNIST-like IDX dataset (28x28 grey, classes 0..2 only) whose classes differ by
 * where a bright band lies, so detectors have something to find. The folder is named "fashion-..."
 * so the reader gives it the Fashion-MNIST class names (0 T-shirt/top, 1 Trouser, 2 Pullover).
 */
final class TinyIdx {
    static final int CLASSES = 3;

    private TinyIdx() {
    }

    static Path write(Path parent, int trainPerClass, int testPerClass) throws IOException {
        Path dir = Files.createDirectories(parent.resolve("fashion-tiny"));
        Random random = new Random(7);
        write(dir, "train", trainPerClass, random);
        write(dir, "t10k", testPerClass, random);
        return dir;
    }

    private static void write(Path dir, String prefix, int perClass, Random random) throws IOException {
        int n = perClass * CLASSES;
        try (DataOutputStream images = new DataOutputStream(Files.newOutputStream(dir.resolve(prefix + "-images-idx3-ubyte")));
             DataOutputStream labels = new DataOutputStream(Files.newOutputStream(dir.resolve(prefix + "-labels-idx1-ubyte")))) {
            images.writeInt(0x803);
            images.writeInt(n);
            images.writeInt(28);
            images.writeInt(28);
            labels.writeInt(0x801);
            labels.writeInt(n);
            for (int i = 0; i < n; i++) {
                int label = i % CLASSES;
                labels.writeByte(label);
                for (int r = 0; r < 28; r++) {
                    for (int c = 0; c < 28; c++) {
                        boolean band = r >= 4 + label * 7 && r < 10 + label * 7;
                        images.writeByte(Math.min(255, (band ? 180 : 20) + random.nextInt(60)));
                    }
                }
            }
        }
    }
}
