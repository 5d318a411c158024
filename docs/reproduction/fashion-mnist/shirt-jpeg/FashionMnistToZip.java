import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes Fashion-MNIST's IDX files as a train/<class>/ and test/<class>/ zip of grey PNG (lossless,
 * the control) or baseline JPEG at a given quality (Java's IJG tables), so that the same class can
 * be run on the original pixels and on a JPEG re-encoding like the CIFAR-10 zip here. Files are
 * named by their index in the IDX file, so the folder reader takes each class in the original
 * order; the sorted class folders give the IDX label indices (shirt is 6 in both).
 *
 *   java FashionMnistToZip.java /usr/share/datasets/fashion-mnist png OUT.zip
 *   java FashionMnistToZip.java /usr/share/datasets/fashion-mnist jpg OUT.zip 0.75
 *   java FashionMnistToZip.java /usr/share/datasets/fashion-mnist jpg OUT.zip 0.75 32
 *
 * The last form zero-pads each image to 32x32 before encoding, as GeoTrans pads 28x28 images
 * anyway: the 8x8 block grid then lines up with every flip, rotation and shift by 8, as it does on
 * CIFAR-10's 32x32, while on 28x28 the last block column is 4 pixels wide and a flip moves it.
 */
public class FashionMnistToZip {
    static final int RAW_SIDE = 28;
    static final String[] FOLDERS = {"t-shirt-top", "trouser", "pullover", "dress", "coat", "sandal", "shirt",
            "sneaker", "bag", "ankle-boot"};

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        String format = args[1];
        float quality = args.length > 3 ? Float.parseFloat(args[3]) : 0.75f;
        int side = args.length > 4 ? Integer.parseInt(args[4]) : RAW_SIDE;
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(Path.of(args[2])))) {
            zip.setLevel(0);
            write(zip, "train", dir.resolve("train-images-idx3-ubyte.gz"), dir.resolve("train-labels-idx1-ubyte.gz"),
                    format, quality, side);
            write(zip, "test", dir.resolve("t10k-images-idx3-ubyte.gz"), dir.resolve("t10k-labels-idx1-ubyte.gz"),
                    format, quality, side);
        }
    }

    static void write(ZipOutputStream zip, String split, Path images, Path labels, String format, float quality,
            int side) throws IOException {
        byte[] pixels = idx(images, 16);
        byte[] classes = idx(labels, 8);
        int raw = RAW_SIDE;
        int offset = (side - raw) / 2; // centred, as GeoTrans pads: 2 black pixels each side for 32
        for (int i = 0; i < classes.length; i++) {
            BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
            image.getRaster().setDataElements(offset, offset, raw, raw,
                    Arrays.copyOfRange(pixels, i * raw * raw, (i + 1) * raw * raw));
            zip.putNextEntry(new ZipEntry(String.format("%s/%s/%05d.%s", split, FOLDERS[classes[i]], i, format)));
            zip.write(encode(image, format, quality));
            zip.closeEntry();
        }
    }

    static byte[] encode(BufferedImage image, String format, float quality) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (format.equals("png")) {
            ImageIO.write(image, "png", bytes);
            return bytes.toByteArray();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        }
        writer.dispose();
        return bytes.toByteArray();
    }

    static byte[] idx(Path file, int header) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            byte[] all = in.readAllBytes();
            return Arrays.copyOfRange(all, header, all.length);
        }
    }
}
