package org.geotrans.adapters.datasets;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/**
 * Small files that claim to be huge, written by the robustness tests of the readers, the command
 * line and the Weka loader: headers announcing gigabytes, sparse files, a zip bomb, a PNG whose
 * header says 40000x40000, repeated class names. Each is a few bytes to a few megabytes on disk.
 */
public final class HostileFiles {
    /** A side no reader may allocate: 40000 x 40000 = 1.6 billion pixels. */
    public static final int HUGE_SIDE = 40_000;

    private HostileFiles() {
    }

    /** An IDX folder whose training images file is a 16-byte header claiming one 40000x40000 image. */
    public static Path idxClaimingHugeImages(Path dir) throws IOException {
        Files.createDirectories(dir);
        idxImages(dir.resolve("train-images-idx3-ubyte"), 1, HUGE_SIDE, HUGE_SIDE, false);
        idxLabels(dir.resolve("train-labels-idx1-ubyte"), 1, 1);
        idxImages(dir.resolve("t10k-images-idx3-ubyte"), 1, 28, 28, true);
        idxLabels(dir.resolve("t10k-labels-idx1-ubyte"), 1, 1);
        return dir;
    }

    /** An IDX folder whose training labels file is an 8-byte header claiming 2^31 - 1 labels. */
    public static Path idxClaimingTwoBillionLabels(Path dir) throws IOException {
        Files.createDirectories(dir);
        idxImages(dir.resolve("train-images-idx3-ubyte"), 1, 28, 28, true);
        idxLabels(dir.resolve("train-labels-idx1-ubyte"), Integer.MAX_VALUE, 0);
        idxImages(dir.resolve("t10k-images-idx3-ubyte"), 1, 28, 28, true);
        idxLabels(dir.resolve("t10k-labels-idx1-ubyte"), 1, 1);
        return dir;
    }

    /** An IDX images file: the header, then {@code rows x cols} bytes for the first image only when asked. */
    public static void idxImages(Path file, int count, int rows, int cols, boolean withFirstImage) throws IOException {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.writeInt(IdxReader.IMAGES_MAGIC);
            out.writeInt(count);
            out.writeInt(rows);
            out.writeInt(cols);
            if (withFirstImage) {
                out.write(new byte[rows * cols]);
            }
        }
    }

    /** An IDX labels file: the header claiming {@code claimed} labels, then {@code written} zero labels. */
    public static void idxLabels(Path file, int claimed, int written) throws IOException {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.writeInt(IdxReader.LABELS_MAGIC);
            out.writeInt(claimed);
            out.write(new byte[written]);
        }
    }

    /** CIFAR-10 batches, each a sparse file of {@code length} bytes (nothing written, so nothing on disk). */
    public static Path sparseCifar10(Path dir, long length) throws IOException {
        Files.createDirectories(dir);
        for (String name : List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
                "data_batch_5.bin", "test_batch.bin")) {
            sparse(dir.resolve(name), length);
        }
        return dir;
    }

    public static void sparse(Path file, long length) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(length);
        }
    }

    /** Small valid CIFAR-10 batches (one zero record each) whose batches.meta.txt names one class ten times. */
    public static Path cifar10WithRepeatedNames(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String name : List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
                "data_batch_5.bin", "test_batch.bin")) {
            Files.write(dir.resolve(name), new byte[1 + 3072]);
        }
        Files.writeString(dir.resolve("batches.meta.txt"), "cat\n".repeat(10));
        return dir;
    }

    /** A valid PNG of 2x2 pixels whose header (with a correct checksum) then claims width x height. */
    public static byte[] pngClaiming(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "png", out);
        byte[] png = out.toByteArray();
        // signature (8), IHDR length (4), "IHDR" (4), width (4), height (4), ..., CRC over type and data
        ByteBuffer b = ByteBuffer.wrap(png);
        b.putInt(16, width);
        b.putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 4 + 13);
        b.putInt(12 + 4 + 13, (int) crc.getValue());
        return png;
    }

    /** A small real PNG of side x side pixels. */
    public static byte[] png(int side) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    /** An image folder with {@code first} as its first training image and small valid images after it. */
    public static Path imageFolder(Path root, byte[] first) throws IOException {
        write(root.resolve("train/a/0.png"), first);
        write(root.resolve("train/b/1.png"), png(8));
        write(root.resolve("test/a/2.png"), png(8));
        write(root.resolve("test/b/3.png"), png(8));
        return root;
    }

    /** Image folders named "Cat" and "cat": two classes nobody can choose between by name. */
    public static Path collidingClassFolders(Path root) throws IOException {
        write(root.resolve("train/Cat/0.png"), png(8));
        write(root.resolve("train/cat/1.png"), png(8));
        write(root.resolve("test/Cat/2.png"), png(8));
        write(root.resolve("test/cat/3.png"), png(8));
        return root;
    }

    /**
     * A zip whose first image entry inflates to {@code zeros} zero bytes (about a thousandth of that
     * on disk); with {@code lyingHeader}, its central directory claims 1000 bytes instead.
     */
    public static Path zipBomb(Path file, long zeros, boolean lyingHeader) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("train/a/0.png"));
            byte[] chunk = new byte[1 << 20];
            for (long done = 0; done < zeros; done += chunk.length) {
                zip.write(chunk, 0, (int) Math.min(chunk.length, zeros - done));
            }
            zip.closeEntry();
            for (String name : List.of("train/b/1.png", "test/a/2.png", "test/b/3.png")) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(png(8));
                zip.closeEntry();
            }
        }
        if (lyingHeader) {
            byte[] bytes = Files.readAllBytes(file);
            ByteBuffer b = ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            for (int i = bytes.length - 46; i >= 0; i--) {
                // the first entry's central directory header: signature PK 1 2, uncompressed size at +24
                if (b.getInt(i) == 0x02014b50 && b.getInt(i + 42) == 0) {
                    b.putInt(i + 24, 1000);
                    break;
                }
            }
            Files.write(file, bytes);
        }
        return file;
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    /**
     * One hash over the names, sizes and (for files up to 64 MiB) contents of everything under
     * {@code root}: equal before and after means nothing there was changed, added or removed.
     */
    public static String hashTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path p : walk.sorted().toList()) {
                sha.update(root.relativize(p).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                if (Files.isRegularFile(p)) {
                    long size = Files.size(p);
                    sha.update(ByteBuffer.allocate(8).putLong(size).array());
                    if (size <= 64L << 20) {
                        try (var in = Files.newInputStream(p)) {
                            byte[] buf = new byte[1 << 16];
                            for (int r; (r = in.read(buf)) > 0; ) {
                                sha.update(buf, 0, r);
                            }
                        }
                    }
                    sha.update(ByteBuffer.allocate(8).putLong(Files.getLastModifiedTime(p).toMillis()).array());
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Bytes allocated on the calling thread so far (HotSpot's per-thread counter). */
    public static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
