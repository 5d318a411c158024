package org.geotrans.adapters.datasets;

/**
 * Makes images square at a target side as the reference code does for Cats-vs-Dogs: scale so the
 * shorter side equals the target (bilinear, pixel centres aligned as OpenCV's INTER_LINEAR), then
 * crop the centre.
 */
final class Resizing {
    private Resizing() {
    }

    static ImageDecoder.Pixels resizeAndCropSquare(ImageDecoder.Pixels in, int side) {
        if (side < 1) {
            throw new IllegalArgumentException("target side must be at least 1, found " + side);
        }
        int h = in.height();
        int w = in.width();
        if (h == side && w == side) {
            return in;
        }
        int shorter = Math.min(h, w);
        // the longer side keeps the aspect ratio; only the centre window of the scaled image is computed
        int scaledH = h == shorter ? side : Math.max(side, (int) Math.round((double) h * side / shorter));
        int scaledW = w == shorter ? side : Math.max(side, (int) Math.round((double) w * side / shorter));
        int top = (scaledH - side) / 2;
        int left = (scaledW - side) / 2;
        double sy = (double) h / scaledH;
        double sx = (double) w / scaledW;
        int c = in.channels();
        byte[] src = in.hwc();
        byte[] out = new byte[side * side * c];
        int[] x0 = new int[side];
        int[] x1 = new int[side];
        double[] fx = new double[side];
        for (int x = 0; x < side; x++) {
            double pos = clamp((left + x + 0.5) * sx - 0.5, w - 1);
            x0[x] = (int) Math.floor(pos);
            x1[x] = Math.min(x0[x] + 1, w - 1);
            fx[x] = pos - x0[x];
        }
        for (int y = 0; y < side; y++) {
            double pos = clamp((top + y + 0.5) * sy - 0.5, h - 1);
            int y0 = (int) Math.floor(pos);
            int y1 = Math.min(y0 + 1, h - 1);
            double fy = pos - y0;
            for (int x = 0; x < side; x++) {
                for (int ch = 0; ch < c; ch++) {
                    double a = src[(y0 * w + x0[x]) * c + ch] & 0xFF;
                    double b = src[(y0 * w + x1[x]) * c + ch] & 0xFF;
                    double d = src[(y1 * w + x0[x]) * c + ch] & 0xFF;
                    double e = src[(y1 * w + x1[x]) * c + ch] & 0xFF;
                    double upper = a + (b - a) * fx[x];
                    double bottom = d + (e - d) * fx[x];
                    out[(y * side + x) * c + ch] = (byte) Math.round(upper + (bottom - upper) * fy);
                }
            }
        }
        return new ImageDecoder.Pixels(side, side, c, out);
    }

    private static double clamp(double v, int max) {
        return v < 0 ? 0 : Math.min(v, max);
    }
}
