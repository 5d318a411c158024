package org.geotrans.adapters.datasets;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Writes small datasets in every supported format, with patterns that tell rows, columns and channels apart. */
final class Fixtures {
    static final int IDX_ROWS = 3;
    static final int IDX_COLS = 4;

    private Fixtures() {
    }

    /** Pixel (r, c) of IDX image i: distinct per row, column and image. */
    static int idxPixel(int image, int row, int col) {
        return (image * 50 + row * 10 + col) & 0xFF;
    }

    static int idxLabel(int image) {
        return (image * 3) % 10;
    }

    static byte[] idxImages(int count, int rows, int cols) {
        ByteBuffer b = ByteBuffer.allocate(16 + count * rows * cols);
        b.putInt(IdxReader.IMAGES_MAGIC).putInt(count).putInt(rows).putInt(cols);
        for (int i = 0; i < count; i++) {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    b.put((byte) idxPixel(i, r, c));
                }
            }
        }
        return b.array();
    }

    static byte[] idxLabels(int count) {
        ByteBuffer b = ByteBuffer.allocate(8 + count);
        b.putInt(IdxReader.LABELS_MAGIC).putInt(count);
        for (int i = 0; i < count; i++) {
            b.put((byte) idxLabel(i));
        }
        return b.array();
    }

    /** A complete IDX folder: 5 training and 3 test images of 3x4. */
    static Path idxFolder(Path folder, boolean gzip) throws IOException {
        Files.createDirectories(folder);
        write(folder, "train-images-idx3-ubyte", idxImages(5, IDX_ROWS, IDX_COLS), gzip);
        write(folder, "train-labels-idx1-ubyte", idxLabels(5), gzip);
        write(folder, "t10k-images-idx3-ubyte", idxImages(3, IDX_ROWS, IDX_COLS), gzip);
        write(folder, "t10k-labels-idx1-ubyte", idxLabels(3), gzip);
        return folder;
    }

    static Path write(Path folder, String name, byte[] bytes, boolean gzip) throws IOException {
        Path file = folder.resolve(gzip ? name + ".gz" : name);
        Files.write(file, gzip ? gzip(bytes) : bytes);
        return file;
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    /** Value of channel ch at (r, c) in CIFAR record i: all three coordinates matter. */
    static int cifarValue(int record, int row, int col, int ch) {
        return (record * 7 + row * 5 + col * 3 + ch * 100) & 0xFF;
    }

    /** A CIFAR record: label bytes then the R, G and B planes, each row-major. */
    static byte[] cifarRecords(int count, int recordOffset, int... labelsPerRecord) {
        int labelBytes = labelsPerRecord.length;
        int len = labelBytes + 3072;
        byte[] out = new byte[count * len];
        for (int i = 0; i < count; i++) {
            int record = recordOffset + i;
            for (int l = 0; l < labelBytes; l++) {
                out[i * len + l] = (byte) (labelsPerRecord[l] + record);
            }
            for (int ch = 0; ch < 3; ch++) {
                for (int r = 0; r < 32; r++) {
                    for (int c = 0; c < 32; c++) {
                        out[i * len + labelBytes + ch * 1024 + r * 32 + c] = (byte) cifarValue(record, r, c, ch);
                    }
                }
            }
        }
        return out;
    }

    /** CIFAR-10 batches: 2 records in each of the 5 training batches, labels = record index mod 10; 3 test records. */
    static Path cifar10Folder(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (int b = 1; b <= 5; b++) {
            Files.write(folder.resolve("data_batch_" + b + ".bin"), labelsMod(cifarRecords(2, (b - 1) * 2, 0), 1, 10));
        }
        Files.write(folder.resolve("test_batch.bin"), labelsMod(cifarRecords(3, 100, 0), 1, 10));
        return folder;
    }

    /** CIFAR-100: 4 train and 2 test records, coarse label = record mod 20, fine label = record mod 100. */
    static Path cifar100Folder(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.write(folder.resolve("train.bin"), labelsMod(cifarRecords(4, 0, 0, 0), 2, 20));
        Files.write(folder.resolve("test.bin"), labelsMod(cifarRecords(2, 37, 0, 0), 2, 20));
        return folder;
    }

    /** Takes the first label byte of each record modulo {@code classes}, so labels stay in range. */
    private static byte[] labelsMod(byte[] records, int labelBytes, int classes) {
        int len = labelBytes + 3072;
        for (int i = 0; i < records.length / len; i++) {
            records[i * len] = (byte) ((records[i * len] & 0xFF) % classes);
        }
        return records;
    }

    /** A colour image whose (r, c) pixel is (r*20, c*20, 255 - r*10 - c): rows and columns differ. */
    static BufferedImage colourImage(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                img.setRGB(c, r, ((r * 20) & 0xFF) << 16 | ((c * 20) & 0xFF) << 8 | ((255 - r * 10 - c) & 0xFF));
            }
        }
        return img;
    }

    static BufferedImage greyImage(int width, int height, int base) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                img.getRaster().setSample(c, r, 0, (base + r * 16 + c) & 0xFF);
            }
        }
        return img;
    }

    static byte[] encode(BufferedImage img, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(img, format, out)) {
            throw new IllegalStateException("no ImageIO writer for " + format);
        }
        return out.toByteArray();
    }

    /** Writes entries (name to bytes) as files under a folder. */
    static Path folder(Path root, Map<String, byte[]> entries) throws IOException {
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            Path p = root.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, e.getValue());
        }
        return root;
    }

    /** Writes entries (name to bytes) into a zip, in the map's order. */
    static Path zip(Path file, Map<String, byte[]> entries) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }
}
