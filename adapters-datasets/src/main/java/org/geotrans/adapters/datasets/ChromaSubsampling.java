package org.geotrans.adapters.datasets;

/**
 * Whether a JPEG stores its colour at a lower resolution than its brightness (4:2:0, 4:2:2, ...),
 * read from its frame header. Such files carry a cue that a network can read instead of the content:
 * the subsampling's rounding tells a mirrored image from the original on any class, which on the
 * CIFAR-10 JPEG zip lets a network tell 97-99 % of flips (docs/reproduction/README.md, "the flip
 * cue"); GeoTrans's transformations include flips, so users should know.
 */
final class ChromaSubsampling {
    private ChromaSubsampling() {
    }

    /**
     * @return true for a JPEG with three or more components whose sampling factors differ; false for
     *     anything else, including grey JPEGs, other formats and headers cut short
     */
    static boolean isSubsampled(byte[] bytes) {
        if (bytes.length < 4 || (bytes[0] & 0xFF) != 0xFF || (bytes[1] & 0xFF) != 0xD8) {
            return false;
        }
        int at = 2;
        while (at + 4 <= bytes.length) {
            if ((bytes[at] & 0xFF) != 0xFF) {
                return false;
            }
            int marker = bytes[at + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte before a marker
                at++;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) { // start of scan or end of image: no frame header before it
                return false;
            }
            int length = (bytes[at + 2] & 0xFF) << 8 | (bytes[at + 3] & 0xFF);
            if (length < 2) {
                return false;
            }
            if (isFrameHeader(marker)) {
                return differentSampling(bytes, at + 4, length - 2);
            }
            at += 2 + length;
        }
        return false;
    }

    /** SOF0-SOF15 but DHT (C4), JPG (C8) and DAC (CC), which share the range. */
    private static boolean isFrameHeader(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    /** Frame header body: precision, height, width, component count, then 3 bytes per component. */
    private static boolean differentSampling(byte[] bytes, int body, int bodyLength) {
        if (bodyLength < 6 || body + 6 > bytes.length) {
            return false;
        }
        int components = bytes[body + 5] & 0xFF;
        if (components < 3 || bodyLength < 6 + 3 * components || body + 6 + 3 * components > bytes.length) {
            return false;
        }
        int first = bytes[body + 7] & 0xFF; // high nibble horizontal, low nibble vertical factor
        for (int c = 1; c < components; c++) {
            if ((bytes[body + 7 + 3 * c] & 0xFF) != first) {
                return true;
            }
        }
        return false;
    }
}
