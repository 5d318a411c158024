package org.geotrans.adapters.datasets;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.geotrans.domain.data.Dataset;
import org.geotrans.domain.data.LabeledImages;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.port.ProgressStage;

/**
 * MNIST and Fashion-MNIST IDX files (http://yann.lecun.com/exdb/mnist/ layout): big-endian
 * headers, one unsigned byte per pixel, row-major, gzipped or not (told by the gzip magic, not
 * the name, since renamed copies are common).
 */
final class IdxReader {
    static final int IMAGES_MAGIC = 2051;
    static final int LABELS_MAGIC = 2049;
    static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    static final List<String> FASHION = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private static final int PROGRESS_EVERY = 10_000;

    private IdxReader() {
    }

    /** The file for an IDX base name, trying the ".gz" and the "train-images.idx3-ubyte" spellings. */
    static Path find(Path folder, String base) {
        String dotted = base.replaceFirst("-idx", ".idx");
        return DataFiles.firstExisting(folder, base, base + ".gz", dotted, dotted + ".gz");
    }

    static boolean looksLikeIdx(Path folder) {
        return find(folder, "train-images-idx3-ubyte") != null;
    }

    static List<String> classNamesFor(Path folder) {
        String path = folder.toAbsolutePath().normalize().toString().toLowerCase(Locale.ROOT);
        return path.contains("fashion") ? FASHION : DIGITS;
    }

    static Dataset read(Path folder, ProgressListener listener) throws IOException {
        List<String> names = classNamesFor(folder);
        LabeledImages train = readSplit(folder, "train", names, listener);
        LabeledImages test = readSplit(folder, "t10k", names, listener);
        if (!train.shape().equals(test.shape())) {
            throw new IOException("IDX files in " + folder + " disagree: train images are " + train.shape()
                    + " but t10k (test) images are " + test.shape());
        }
        return new Dataset(DataFiles.displayName(folder), train, test);
    }

    private static LabeledImages readSplit(Path folder, String prefix, List<String> classNames,
                                           ProgressListener listener) throws IOException {
        Path imagesFile = require(folder, prefix + "-images-idx3-ubyte");
        Path labelsFile = require(folder, prefix + "-labels-idx1-ubyte");
        int[] labels = readLabels(labelsFile, classNames.size());
        try (InputStream in = open(imagesFile)) {
            int[] header = readHeader(in, imagesFile, IMAGES_MAGIC, "image (idx3-ubyte)", 4);
            int n = header[1];
            int rows = header[2];
            int cols = header[3];
            if (n < 0 || rows < 1 || cols < 1) {
                throw new IOException(imagesFile + ": malformed header, expected a count >= 0 and positive sizes, found "
                        + n + " images of " + rows + "x" + cols);
            }
            if (n != labels.length) {
                throw new IOException(imagesFile + " holds " + n + " images but " + labelsFile.getFileName()
                        + " holds " + labels.length + " labels");
            }
            ReadLimits.checkImagePixels(imagesFile.toString(), rows, cols);
            ImageShape shape = new ImageShape(rows, cols, 1);
            long bytes = (long) n * rows * cols;
            String what = n + " images of " + rows + "x" + cols;
            checkPlainLength(imagesFile, 16, bytes, what);
            if (bytes > Integer.MAX_VALUE - 8) {
                throw new IOException(imagesFile + ": header announces " + what + ", more than one array can hold");
            }
            ReadLimits.checkFitsInHeap(imagesFile.toString(), n, shape);
            byte[] pixels = readBody(in, imagesFile, (int) bytes, what);
            ProgressStage stage = prefix.equals("train") ? ProgressStage.READ_TRAIN : ProgressStage.READ_TEST;
            ReadProgress progress = ReadProgress.start(listener, stage, n);
            int size = shape.size();
            List<Image> images = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                float[] v = new float[size];
                int off = i * size;
                for (int j = 0; j < size; j++) {
                    v[j] = pixels[off + j] & 0xFF;
                }
                images.add(new Image(shape, v));
                if ((i + 1) % PROGRESS_EVERY == 0 && i + 1 < n) {
                    progress.done(i + 1);
                }
            }
            progress.done(n);
            return new LabeledImages(shape, images, labels, classNames);
        }
    }

    private static int[] readLabels(Path file, int classes) throws IOException {
        try (InputStream in = open(file)) {
            int[] header = readHeader(in, file, LABELS_MAGIC, "label (idx1-ubyte)", 2);
            int n = header[1];
            if (n < 0) {
                throw new IOException(file + ": malformed header, expected a label count >= 0, found " + n);
            }
            checkPlainLength(file, 8, n, n + " labels");
            byte[] raw = readBody(in, file, n, n + " labels");
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = raw[i] & 0xFF;
                if (labels[i] >= classes) {
                    throw new IOException(file + ": label " + labels[i] + " of item " + i + " is outside 0.."
                            + (classes - 1));
                }
            }
            return labels;
        }
    }

    private static Path require(Path folder, String base) throws IOException {
        Path p = find(folder, base);
        if (p == null) {
            throw new IOException("IDX dataset in " + folder + " lacks " + base + " (or " + base
                    + ".gz); found: " + DataFiles.listing(folder));
        }
        return p;
    }

    private static InputStream open(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            try {
                return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
            } catch (ZipException | EOFException e) {
                in.close();
                throw new IOException(file + ": corrupt gzip data (" + e.getMessage() + ")", e);
            }
        }
        return in;
    }

    /**
     * An uncompressed file must be exactly as long as its header says: checked before anything of
     * that size is allocated (a gzipped one is read as its bytes arrive instead, see readExactly).
     */
    private static void checkPlainLength(Path file, long headerBytes, long bodyBytes, String what) throws IOException {
        if (isGzip(file)) {
            return;
        }
        long actual = Files.size(file) - headerBytes;
        if (actual != bodyBytes) {
            throw new IOException(file + ": header announces " + what + " (" + bodyBytes + " bytes) but the file holds "
                    + actual + " bytes after its " + headerBytes + "-byte header"
                    + (actual < bodyBytes ? "; truncated, or the header is wrong" : "; it has bytes beyond what its header announces"));
        }
    }

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /** The header's ints, the magic number first: checked before the rest, so a mixed-up file says so. */
    private static int[] readHeader(InputStream in, Path file, int magic, String kind, int ints) throws IOException {
        int found = ByteBuffer.wrap(readExactly(in, file, 4, "an IDX magic number")).getInt();
        if (found != magic) {
            throw new IOException(file + ": bad magic number " + found + ", expected " + magic + " for an IDX "
                    + kind + " file");
        }
        ByteBuffer rest = ByteBuffer.wrap(readExactly(in, file, (ints - 1) * 4, "an IDX " + kind + " header"));
        int[] out = new int[ints];
        out[0] = found;
        for (int i = 1; i < ints; i++) {
            out[i] = rest.getInt();
        }
        return out;
    }

    /** Reads exactly {@code length} bytes and insists that nothing follows them. */
    private static byte[] readBody(InputStream in, Path file, int length, String what) throws IOException {
        byte[] body = readExactly(in, file, length, what);
        int extra;
        try {
            extra = in.read();
        } catch (ZipException | EOFException e) {
            throw new IOException(file + ": corrupt gzip data after " + what + " (" + e.getMessage() + ")", e);
        }
        if (extra != -1) {
            throw new IOException(file + ": has bytes beyond the " + what + " its header announces");
        }
        return body;
    }

    /**
     * Exactly {@code length} bytes, allocated as they arrive: a gzipped file whose header claims
     * gigabytes costs only what it really inflates to before it is found short.
     */
    private static byte[] readExactly(InputStream in, Path file, int length, String what) throws IOException {
        byte[] out = new byte[Math.min(length, 1 << 20)];
        int done = 0;
        try {
            while (done < length) {
                if (done == out.length) {
                    out = Arrays.copyOf(out, (int) Math.min(length, 2L * out.length));
                }
                int r = in.read(out, done, out.length - done);
                if (r < 0) {
                    break;
                }
                done += r;
            }
        } catch (ZipException | EOFException e) {
            throw new IOException(file + ": truncated or corrupt gzip data while reading " + what + " ("
                    + e.getMessage() + ")", e);
        }
        if (done < length) {
            throw new IOException(file + ": truncated, expected " + length + " bytes of " + what + ", found "
                    + done);
        }
        return out;
    }
}
