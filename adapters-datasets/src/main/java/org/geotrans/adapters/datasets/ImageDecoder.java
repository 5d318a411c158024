package org.geotrans.adapters.datasets;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes JPEG, PNG (and whatever else ImageIO reads) into 8-bit HWC bytes. One instance per
 * thread: it keeps its JPEG and PNG readers, since looking readers up per image costs more than
 * decoding a 32x32 JPEG. A decoder warning (e.g. a truncated JPEG, which ImageIO would silently
 * fill with grey) is treated as an error.
 */
final class ImageDecoder implements AutoCloseable {
    private ImageReader jpeg;
    private ImageReader png;
    private String warning;

    /**
     * Pixels as decoded, 8 bits per value, HWC.
     *
     * @param channels 1 when the image is grey, else 3 (alpha is dropped)
     */
    record Pixels(int height, int width, int channels, byte[] hwc) {
        Pixels {
            if (hwc.length != height * width * channels) {
                throw new IllegalArgumentException(height + "x" + width + "x" + channels + " pixels need "
                        + height * width * channels + " bytes, found " + hwc.length);
            }
        }

        /** The same image with 1 (luma, ITU-R 601 weights as PIL's "L") or 3 (grey repeated) channels. */
        Pixels withChannels(int target) {
            if (target == channels) {
                return this;
            }
            int n = height * width;
            byte[] out = new byte[n * target];
            if (target == 3 && channels == 1) {
                for (int p = 0; p < n; p++) {
                    out[3 * p] = hwc[p];
                    out[3 * p + 1] = hwc[p];
                    out[3 * p + 2] = hwc[p];
                }
            } else if (target == 1 && channels == 3) {
                for (int p = 0; p < n; p++) {
                    int r = hwc[3 * p] & 0xFF;
                    int g = hwc[3 * p + 1] & 0xFF;
                    int b = hwc[3 * p + 2] & 0xFF;
                    out[p] = (byte) ((r * 299 + g * 587 + b * 114 + 500) / 1000);
                }
            } else {
                throw new IllegalArgumentException("can convert between 1 and 3 channels only, asked " + channels
                        + " -> " + target);
            }
            return new Pixels(height, width, target, out);
        }
    }

    Pixels decode(byte[] bytes, String what) throws IOException {
        BufferedImage image;
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = readerFor(bytes, in, what);
            warning = null;
            try {
                reader.setInput(in, true, true);
                // the header's size, read before any pixel, decides whether decoding may allocate it
                checkSize(reader, what);
                image = reader.read(0);
            } catch (ImageTooLargeException e) {
                throw e;
            } catch (OutOfMemoryError e) {
                throw outOfMemory(what);
            } catch (IOException | RuntimeException e) {
                if (e.getCause() instanceof OutOfMemoryError) {
                    // ImageIO's PNG reader wraps it as "Caught exception during read", which reads as corruption
                    throw outOfMemory(what);
                }
                // the cause is left out on purpose: ImageIO's internal stack says nothing useful to a user
                throw new IOException(what + ": corrupt or unreadable image (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
            } finally {
                reader.setInput(null);
                if (reader != jpeg && reader != png) {
                    reader.dispose();
                }
            }
        }
        if (warning != null) {
            throw new IOException(what + ": corrupt image (" + warning + ")");
        }
        if (image == null) {
            throw new IOException(what + ": no image decoded");
        }
        return pixels(image);
    }

    private static IOException outOfMemory(String what) {
        return new IOException(what + ": decoding it ran out of memory (Java heap limit "
                + ReadLimits.bytes(Runtime.getRuntime().maxMemory()) + "); raise the heap (GEOTRANS_HEAP for bin/geotrans,"
                + " -Xmx for java) or lower -D" + ReadLimits.MAX_IMAGE_PIXELS);
    }

    private static void checkSize(ImageReader reader, String what) throws IOException {
        long width = reader.getWidth(0);
        long height = reader.getHeight(0);
        try {
            ReadLimits.checkImagePixels(what, height, width);
        } catch (IOException e) {
            throw new ImageTooLargeException(e.getMessage());
        }
    }

    /** An image whose header announces more pixels than the cap: told as it is, not as "corrupt". */
    static final class ImageTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        ImageTooLargeException(String message) {
            super(message);
        }
    }

    private ImageReader readerFor(byte[] b, ImageInputStream in, String what) throws IOException {
        if (b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8) {
            if (jpeg == null) {
                jpeg = newReader(ImageIO.getImageReadersByFormatName("jpeg"));
            }
            return jpeg;
        }
        if (b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            if (png == null) {
                png = newReader(ImageIO.getImageReadersByFormatName("png"));
            }
            return png;
        }
        Iterator<ImageReader> any = ImageIO.getImageReaders(in);
        if (!any.hasNext()) {
            throw new IOException(what + ": not an image format ImageIO can read (JPEG, PNG, BMP, GIF)");
        }
        return newReader(any);
    }

    private ImageReader newReader(Iterator<ImageReader> readers) {
        ImageReader r = readers.next();
        r.addIIOReadWarningListener((source, message) -> {
            if (warning == null) {
                warning = message;
            }
        });
        return r;
    }

    /** Raw 8-bit values; grey images are read from the raster so no colour-space conversion alters them. */
    static Pixels pixels(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int n = w * h;
        ColorModel cm = image.getColorModel();
        WritableRaster raster = image.getRaster();
        if (cm.getNumColorComponents() == 1) {
            int[] samples = raster.getSamples(0, 0, w, h, 0, (int[]) null);
            int bits = cm.getComponentSize(0);
            int max = (1 << bits) - 1;
            byte[] out = new byte[n];
            for (int p = 0; p < n; p++) {
                out[p] = (byte) (bits == 8 ? samples[p] : (samples[p] * 255 + max / 2) / max);
            }
            return new Pixels(h, w, 1, out);
        }
        byte[] out = new byte[n * 3];
        int type = image.getType();
        if ((type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_4BYTE_ABGR)
                && raster.getDataBuffer() instanceof DataBufferByte buffer
                && raster.getParent() == null) {
            byte[] data = buffer.getData();
            int stride = type == BufferedImage.TYPE_3BYTE_BGR ? 3 : 4;
            int skip = stride - 3;
            if (data.length == n * stride) {
                for (int p = 0; p < n; p++) {
                    int s = p * stride + skip;
                    out[3 * p] = data[s + 2];
                    out[3 * p + 1] = data[s + 1];
                    out[3 * p + 2] = data[s];
                }
                return new Pixels(h, w, 3, out);
            }
        }
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        for (int p = 0; p < n; p++) {
            out[3 * p] = (byte) (rgb[p] >> 16);
            out[3 * p + 1] = (byte) (rgb[p] >> 8);
            out[3 * p + 2] = (byte) rgb[p];
        }
        return new Pixels(h, w, 3, out);
    }

    @Override
    public void close() {
        if (jpeg != null) {
            jpeg.dispose();
        }
        if (png != null) {
            png.dispose();
        }
    }
}
