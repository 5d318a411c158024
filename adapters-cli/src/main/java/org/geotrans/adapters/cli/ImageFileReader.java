package org.geotrans.adapters.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;

/**
 * One PNG or JPEG file as a raw image of a detector's size: grey (the mean of red, green and
 * blue) for a one-channel detector, RGB for three. The size is read from the header before the
 * pixels are decoded, and must be the detector's: nothing is resized, so the image the ascent
 * starts from is exactly the file.
 */
final class ImageFileReader {
    static final long MAX_FILE_BYTES = 64L << 20;

    private ImageFileReader() {
    }

    /**
     * @throws IOException when the file is missing, too large or not an image (exit 1, as other data)
     * @throws UsageException when it is an image of another size than the detector's (exit 2)
     */
    static Image read(Path file, ImageShape shape) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("--image " + file + " is not a file");
        }
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IOException("--image " + file + " has " + Files.size(file) + " bytes, more than an image of "
                    + shape + " needs (at most " + MAX_FILE_BYTES + ")");
        }
        BufferedImage decoded;
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IOException("--image " + file + " is not an image Java can read (PNG, JPEG, BMP or GIF)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width != shape.width() || height != shape.height()) {
                    throw new UsageException("--image " + file + " is " + width + "x" + height + ", the detector takes "
                            + shape.width() + "x" + shape.height() + " images");
                }
                decoded = reader.read(0);
            } finally {
                reader.dispose();
            }
        }
        float[] v = new float[shape.size()];
        for (int r = 0; r < shape.height(); r++) {
            for (int c = 0; c < shape.width(); c++) {
                int rgb = decoded.getRGB(c, r);
                int red = rgb >> 16 & 0xff;
                int green = rgb >> 8 & 0xff;
                int blue = rgb & 0xff;
                if (shape.channels() == 1) {
                    v[shape.index(r, c, 0)] = (red + green + blue) / 3f;
                } else {
                    v[shape.index(r, c, 0)] = red;
                    v[shape.index(r, c, 1)] = green;
                    v[shape.index(r, c, 2)] = blue;
                }
            }
        }
        return new Image(shape, v);
    }
}
