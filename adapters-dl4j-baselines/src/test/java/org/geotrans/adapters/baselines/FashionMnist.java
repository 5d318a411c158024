package org.geotrans.adapters.baselines;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.geotrans.domain.RequiredData;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.image.Preprocessing;

/**
 * The first images of Debian's dataset-fashion-mnist with their labels, prepared as the paper
 * prepares them (zero-padded to 32x32, scaled to [-1, 1]). A minimal reader for tests only; the
 * real readers live in adapters-datasets.
 */
record FashionMnist(List<Image> images, int[] labels) {
    static final int TROUSER = 1;
    private static final ImageShape RAW = new ImageShape(28, 28, 1);
    private static final Preprocessing PAPER = new Preprocessing(32);

    static FashionMnist train(int count) throws IOException {
        Path dir = RequiredData.fashionMnist();
        return read(dir.resolve("train-images-idx3-ubyte.gz"), dir.resolve("train-labels-idx1-ubyte.gz"), count);
    }

    static FashionMnist test(int count) throws IOException {
        Path dir = RequiredData.fashionMnist();
        return read(dir.resolve("t10k-images-idx3-ubyte.gz"), dir.resolve("t10k-labels-idx1-ubyte.gz"), count);
    }

    List<Image> ofClass(int label) {
        List<Image> out = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == label) {
                out.add(images.get(i));
            }
        }
        return out;
    }

    boolean[] is(int label) {
        boolean[] out = new boolean[labels.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = labels[i] == label;
        }
        return out;
    }

    private static FashionMnist read(Path imageFile, Path labelFile, int count) throws IOException {
        List<Image> images = new ArrayList<>(count);
        int[] labels = new int[count];
        try (DataInputStream in = open(imageFile); DataInputStream lin = open(labelFile)) {
            if (in.readInt() != 0x803 || lin.readInt() != 0x801) {
                throw new IOException(imageFile + " or " + labelFile + " is not an IDX file");
            }
            in.readInt();
            in.readInt();
            in.readInt();
            lin.readInt();
            byte[] pixels = new byte[RAW.size()];
            for (int i = 0; i < count; i++) {
                in.readFully(pixels);
                images.add(PAPER.apply(Image.ofBytes(RAW, pixels)));
                labels[i] = lin.readUnsignedByte();
            }
        }
        return new FashionMnist(images, labels);
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        return new DataInputStream(new GZIPInputStream(raw));
    }
}
