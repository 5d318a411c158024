package org.geotrans.domain;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageBatch;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.image.Preprocessing;

/**
 * A small one-vs-all split of Debian's Fashion-MNIST for the baselines' tests: the first training
 * images of one class, and the first test images of every class with their labels, padded to
 * 32x32 and scaled to [-1, 1] as the paper's code does. In the test-jar for every backend's
 * baselines.
 */
public record FashionMnistSplit(ImageBatch normalTrain, ImageBatch test, boolean[] testIsNormal) {
    public static final ImageShape RAW = new ImageShape(28, 28, 1);
    public static final ImageShape SHAPE = new ImageShape(32, 32, 1);
    public static final int TROUSER = 1;

    public static FashionMnistSplit of(int normalClass, int trainCount, int testCount) throws IOException {
        RequiredData.fashionMnist();
        Path dir = RequiredData.FASHION_MNIST;
        List<Image> train = new ArrayList<>();
        List<Image> allTrain = read(dir.resolve("train-images-idx3-ubyte.gz"), 20 * trainCount);
        int[] trainLabels = labels(dir.resolve("train-labels-idx1-ubyte.gz"), allTrain.size());
        for (int i = 0; i < allTrain.size() && train.size() < trainCount; i++) {
            if (trainLabels[i] == normalClass) {
                train.add(allTrain.get(i));
            }
        }
        List<Image> test = read(dir.resolve("t10k-images-idx3-ubyte.gz"), testCount);
        int[] testLabels = labels(dir.resolve("t10k-labels-idx1-ubyte.gz"), test.size());
        boolean[] normal = new boolean[test.size()];
        for (int i = 0; i < normal.length; i++) {
            normal[i] = testLabels[i] == normalClass;
        }
        return new FashionMnistSplit(ImageBatch.of(SHAPE, train), ImageBatch.of(SHAPE, test), normal);
    }

    private static List<Image> read(Path file, int count) throws IOException {
        Preprocessing pad = Preprocessing.paperFor(RAW);
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new GZIPInputStream(raw))) {
            in.readInt();
            int available = in.readInt();
            in.readInt();
            in.readInt();
            List<Image> images = new ArrayList<>();
            byte[] pixels = new byte[RAW.size()];
            for (int i = 0; i < Math.min(count, available); i++) {
                in.readFully(pixels);
                images.add(pad.apply(Image.ofBytes(RAW, pixels)));
            }
            return images;
        }
    }

    private static int[] labels(Path file, int count) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new GZIPInputStream(raw))) {
            in.readInt();
            in.readInt();
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = in.readUnsignedByte();
            }
            return labels;
        }
    }
}
