import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.w3c.dom.NodeList;

/**
 * Writes the CIFAR-10 JPEG zip as a lossless PNG zip of the decoded pixels, changed one way, to
 * find where the flip cue of the CIFAR-10 networks lives (see ../../README.md):
 *
 *   png      the decoded pixels as they are (the control: the zip through a lossless format)
 *   grey     each pixel's luma (ITU-R 601 weights) in all three channels: the chroma, which the
 *            JPEG stores subsampled 2x2 and rounds asymmetrically, is gone; luma and content stay
 *   preflip  each image mirrored left-right with probability 1/2 (seeded by its name): any cue
 *            that tells a flip, in the content or in the artefacts, is cancelled (the positive
 *            control that the measurement can fall to chance)
 *   chroma4  luma kept per pixel, chroma (JFIF YCbCr) replaced by its mean over each aligned 4x4
 *            block: colour stays at an 8x8 resolution, while any pattern of the JPEG's 2x2 chroma
 *            subsampling and upsampling within a block is gone; every step treats a pixel and its
 *            mirror image alike, so the change adds no cue of its own
 *   chroma4-jpeg75  the chroma4 images encoded again as JPEG by Java's ImageIO (quality 0.75, its
 *            default 4:2:0 chroma) and decoded: does a re-encoding bring the cue back?
 *   chroma4-jpeg75-444  the same with the chroma at full resolution (4:4:4): is it the subsampling?
 *   chroma4-prerot  the chroma4 images each rotated by 0, 90, 180 or 270 degrees at random (seeded by
 *            its name): content and earlier artefacts no longer tell a rotation (the control)
 *   chroma4-prerot-jpeg75-444  those, encoded again as JPEG (quality 0.75, 4:4:4) and decoded: new
 *            artefacts in the frame's orientation; can a network read a 90-degree rotation off the
 *            luma quantisation, whose tables treat horizontal and vertical frequencies differently?
 *
 * Names and folders stay as in the source zip, so the folder reader sees the same classes in the
 * same order.
 *
 *   java Cifar10ZipVariant.java ../shared/datasets/cifar10-jpg.zip grey OUT.zip
 */
public class Cifar10ZipVariant {
    public static void main(String[] args) throws IOException {
        Path source = Path.of(args[0]);
        String variant = args[1];
        if (!variant.matches("png|grey|preflip|chroma4|chroma4-jpeg75|chroma4-jpeg75-444|chroma4-prerot|chroma4-prerot-jpeg75-444")) {
            throw new IllegalArgumentException("variant must be png, grey, preflip, chroma4, chroma4-jpeg75, chroma4-jpeg75-444,"
                    + " chroma4-prerot or chroma4-prerot-jpeg75-444, not " + variant);
        }
        int images = 0;
        try (ZipFile in = new ZipFile(source.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(Path.of(args[2])))) {
            out.setLevel(1);
            for (Enumeration<? extends ZipEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory() || !entry.getName().endsWith(".jpg")) {
                    continue;
                }
                BufferedImage decoded = ImageIO.read(in.getInputStream(entry));
                String name = entry.getName().replaceAll("\\.jpg$", ".png");
                out.putNextEntry(new ZipEntry(name));
                out.write(png(change(decoded, variant, name)));
                out.closeEntry();
                images++;
            }
        }
        System.out.println("wrote " + images + " images (" + variant + ") to " + args[2]);
    }

    static BufferedImage change(BufferedImage image, String variant, String name) throws IOException {
        if (variant.startsWith("chroma4")) {
            BufferedImage smoothed = blockChroma(image, 4);
            if (variant.contains("-prerot")) {
                smoothed = rotate(smoothed, new SplittableRandom(name.hashCode()).nextInt(4));
            }
            if (variant.equals("chroma4") || variant.equals("chroma4-prerot")) {
                return smoothed;
            }
            return ImageIO.read(new ByteArrayInputStream(jpeg(smoothed, 0.75f, variant.endsWith("-444"))));
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean mirror = variant.equals("preflip") && new SplittableRandom(name.hashCode()).nextBoolean();
        BufferedImage changed = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(mirror ? w - 1 - x : x, y) & 0xffffff;
                if (variant.equals("grey")) {
                    int r = rgb >> 16 & 0xff;
                    int g = rgb >> 8 & 0xff;
                    int b = rgb & 0xff;
                    int luma = (int) Math.round(0.299 * r + 0.587 * g + 0.114 * b);
                    rgb = luma << 16 | luma << 8 | luma;
                }
                changed.setRGB(x, y, rgb);
            }
        }
        return changed;
    }

    /** The image turned by {@code quarters} x 90 degrees counter-clockwise (square images). */
    static BufferedImage rotate(BufferedImage image, int quarters) {
        int n = image.getWidth();
        BufferedImage turned = image;
        for (int q = 0; q < quarters; q++) {
            BufferedImage next = new BufferedImage(n, n, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    next.setRGB(y, n - 1 - x, turned.getRGB(x, y));
                }
            }
            turned = next;
        }
        return turned;
    }

    /** Luma per pixel, chroma averaged over aligned block x block squares (JFIF full-range YCbCr). */
    static BufferedImage blockChroma(BufferedImage image, int block) {
        int w = image.getWidth();
        int h = image.getHeight();
        double[] luma = new double[w * h];
        double[] cb = new double[w * h];
        double[] cr = new double[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                double r = rgb >> 16 & 0xff;
                double g = rgb >> 8 & 0xff;
                double b = rgb & 0xff;
                luma[y * w + x] = 0.299 * r + 0.587 * g + 0.114 * b;
                cb[y * w + x] = -0.168736 * r - 0.331264 * g + 0.5 * b;
                cr[y * w + x] = 0.5 * r - 0.418688 * g - 0.081312 * b;
            }
        }
        BufferedImage changed = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int by = 0; by < h; by += block) {
            for (int bx = 0; bx < w; bx += block) {
                double meanCb = 0;
                double meanCr = 0;
                int n = 0;
                for (int y = by; y < Math.min(h, by + block); y++) {
                    for (int x = bx; x < Math.min(w, bx + block); x++) {
                        meanCb += cb[y * w + x];
                        meanCr += cr[y * w + x];
                        n++;
                    }
                }
                meanCb /= n;
                meanCr /= n;
                for (int y = by; y < Math.min(h, by + block); y++) {
                    for (int x = bx; x < Math.min(w, bx + block); x++) {
                        double l = luma[y * w + x];
                        int r = clamp(l + 1.402 * meanCr);
                        int g = clamp(l - 0.344136 * meanCb - 0.714136 * meanCr);
                        int b = clamp(l + 1.772 * meanCb);
                        changed.setRGB(x, y, r << 16 | g << 8 | b);
                    }
                }
            }
        }
        return changed;
    }

    static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }

    /** Baseline JPEG; ImageIO's default samples luma 2x2 (4:2:0), fullChroma makes every component 1x1. */
    static byte[] jpeg(BufferedImage image, float quality, boolean fullChroma) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
        if (fullChroma) {
            String format = "javax_imageio_jpeg_image_1.0";
            IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
            NodeList components = root.getElementsByTagName("componentSpec");
            for (int i = 0; i < components.getLength(); i++) {
                IIOMetadataNode component = (IIOMetadataNode) components.item(i);
                component.setAttribute("HsamplingFactor", "1");
                component.setAttribute("VsamplingFactor", "1");
            }
            metadata.setFromTree(format, root);
        }
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, metadata), param);
        }
        writer.dispose();
        return bytes.toByteArray();
    }

    static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }
}
