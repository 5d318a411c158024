package org.geotrans.adapters.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import org.geotrans.domain.image.ImageShape;

/**
 * The caps that keep a small or hostile file from making a reader allocate what its header only
 * claims: sizes are checked against the file's real length, the decoded pixels of one image, the
 * bytes of one image file or zip entry (counted as they are inflated, never taken from a header),
 * the bytes inflated from one zip, and the Java heap the decoded images will need. Each cap but the
 * heap is a system property (e.g. {@code -Dgeotrans.maxImagePixels=100000000}); its message names
 * the file, the size found and the property that raises it.
 */
public final class ReadLimits {
    /** System property: the most pixels (width x height) one image may decode to. */
    public static final String MAX_IMAGE_PIXELS = "geotrans.maxImagePixels";
    /** System property: the most bytes one image file or zip entry may hold (inflated). */
    public static final String MAX_IMAGE_FILE_BYTES = "geotrans.maxImageFileBytes";
    /** System property: the most bytes inflated from all the entries of one zip together. */
    public static final String MAX_ZIP_BYTES = "geotrans.maxZipBytes";

    /** A 5000x5000 image, or a 24-megapixel photo. */
    static final long DEFAULT_MAX_IMAGE_PIXELS = 25_000_000L;
    static final long DEFAULT_MAX_IMAGE_FILE_BYTES = 64L << 20;
    static final long DEFAULT_MAX_ZIP_BYTES = 16L << 30;

    private static final int FIRST_CHUNK = 1 << 16;

    private ReadLimits() {
    }

    static long maxImagePixels() {
        return positive(MAX_IMAGE_PIXELS, DEFAULT_MAX_IMAGE_PIXELS);
    }

    static long maxImageFileBytes() {
        return Math.min(positive(MAX_IMAGE_FILE_BYTES, DEFAULT_MAX_IMAGE_FILE_BYTES), Integer.MAX_VALUE - 8);
    }

    static long maxZipBytes() {
        return positive(MAX_ZIP_BYTES, DEFAULT_MAX_ZIP_BYTES);
    }

    /** Refuses an image of more than {@link #maxImagePixels()} pixels, before any pixel is decoded. */
    static void checkImagePixels(String what, long height, long width) throws IOException {
        long pixels = height * width;
        long cap = maxImagePixels();
        if (height < 1 || width < 1 || pixels > cap) {
            throw new IOException(what + ": image of " + height + "x" + width + " = " + pixels
                    + " pixels, above the limit of " + cap + " pixels per image (raise it with -D"
                    + MAX_IMAGE_PIXELS + "=N)");
        }
    }

    /**
     * Refuses to decode {@code images} images of {@code shape} when their values alone (4-byte floats)
     * would not fit in the Java heap: better a line now than an OutOfMemoryError after minutes.
     */
    static void checkFitsInHeap(String what, long images, ImageShape shape) throws IOException {
        long needed = images * shape.size() * (long) Float.BYTES;
        long heap = Runtime.getRuntime().maxMemory();
        if (needed > heap) {
            throw new IOException(what + ": " + images + " images of " + shape + " need " + bytes(needed)
                    + " as decoded values, more than the Java heap's limit of " + bytes(heap)
                    + " (raise it: GEOTRANS_HEAP for bin/geotrans, -Xmx for java)");
        }
    }

    /**
     * All of {@code in}, at most {@code cap} bytes. A {@code claimed} size (a zip entry's header, a
     * file's length; -1 when unknown) above the cap is refused before reading, one below it sizes the
     * buffer, but only the bytes that really arrive count: more than claimed is refused too, so a
     * header that lies costs no more than it claims.
     *
     * @throws IOException naming {@code what} and the cap
     */
    static byte[] readAtMost(InputStream in, long claimed, long cap, String what, String property) throws IOException {
        if (claimed > cap) {
            throw tooLarge(what, claimed + " bytes", cap, property);
        }
        long limit = claimed >= 0 ? claimed : cap;
        byte[] buffer = new byte[(int) Math.min(claimed >= 0 ? claimed + 1 : FIRST_CHUNK, limit + 1)];
        int done = 0;
        while (true) {
            if (done == buffer.length) {
                if (done > limit) {
                    throw claimed >= 0 && claimed < cap
                            ? new IOException(what + ": holds more than the " + claimed + " bytes it claims")
                            : tooLarge(what, "more than " + bytes(cap), cap, property);
                }
                buffer = Arrays.copyOf(buffer, (int) Math.min(limit + 1, 2L * buffer.length));
            }
            int r = in.read(buffer, done, buffer.length - done);
            if (r < 0) {
                return done == buffer.length ? buffer : Arrays.copyOf(buffer, done);
            }
            done += r;
        }
    }

    private static IOException tooLarge(String what, String found, long cap, String property) {
        return new IOException(what + ": " + found + ", above the limit of " + bytes(cap) + " (" + cap
                + " bytes) for one image file (raise it with -D" + property + "=N)");
    }

    /** Bytes for a message: 1.5 GiB, 256 MiB, 40 KiB. */
    static String bytes(long n) {
        if (n >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", n / (double) (1L << 30));
        }
        if (n >= 1L << 20) {
            return String.format(Locale.ROOT, "%.0f MiB", n / (double) (1L << 20));
        }
        if (n >= 1L << 10) {
            return String.format(Locale.ROOT, "%.0f KiB", n / 1024.0);
        }
        return n + " bytes";
    }

    private static long positive(String property, long fallback) {
        String text = System.getProperty(property);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            long v = Long.parseLong(text.strip());
            if (v < 1) {
                throw new IllegalArgumentException("system property " + property + " must be a positive number, found '"
                        + text + "'");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("system property " + property + " must be a positive number, found '"
                    + text + "'", e);
        }
    }
}
