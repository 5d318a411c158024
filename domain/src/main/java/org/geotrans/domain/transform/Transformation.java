package org.geotrans.domain.transform;

import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;

/**
 * One geometric transformation of the paper: an optional horizontal flip, then a translation
 * with reflect fill, then a counter-clockwise rotation by {@code rotations} x 90 degrees.
 *
 * <p>Conventions, pinned to the reference code (Keras 2.2 {@code apply_affine_transform} and
 * numpy {@code rot90}) and to the golden vectors:
 * <ul>
 *   <li>flip mirrors the columns: {@code out[r][c] = in[r][W-1-c]};</li>
 *   <li>translation: {@code out[r][c] = in[r + tx][c + ty]}, so {@code tx} moves along ROWS and
 *       {@code ty} along COLUMNS despite their names; outside the image scipy's 'reflect' fill
 *       repeats the edge pixel ({@code d c b a | a b c d | d c b a});</li>
 *   <li>rotation as {@code numpy.rot90(x, k)}: for k = 1, {@code out[r][c] = in[c][W-1-r]}.</li>
 * </ul>
 *
 * @param flip mirror the columns first
 * @param tx shift along rows (see above)
 * @param ty shift along columns (see above)
 * @param rotations quarter turns counter-clockwise, 0..3
 */
public record Transformation(boolean flip, int tx, int ty, int rotations) {

    public static final Transformation IDENTITY = new Transformation(false, 0, 0, 0);

    public Transformation {
        if (rotations < 0 || rotations > 3) {
            throw new IllegalArgumentException("rotations must be 0..3 quarter turns, got " + rotations);
        }
    }

    /** Whether this transformation can be applied to images of this shape. */
    public void checkApplicable(ImageShape shape) {
        if (rotations % 2 == 1 && !shape.isSquare()) {
            throw new IllegalArgumentException("a rotation by " + (90 * rotations) + " degrees needs a square image, got "
                    + shape.height() + "x" + shape.width());
        }
    }

    /**
     * For each output pixel (row-major), the index of the source pixel it copies. All three steps
     * only move pixels, so the whole transformation is this one gather map.
     */
    public int[] sourcePixelMap(ImageShape shape) {
        checkApplicable(shape);
        int h = shape.height();
        int w = shape.width();
        int[] map = new int[h * w];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                // undo the rotation: position in the translated image
                int tr;
                int tc;
                switch (rotations) {
                    case 0 -> { tr = r; tc = c; }
                    case 1 -> { tr = c; tc = w - 1 - r; }
                    case 2 -> { tr = h - 1 - r; tc = w - 1 - c; }
                    default -> { tr = h - 1 - c; tc = r; }
                }
                // undo the translation: position in the flipped image
                int fr = reflect(tr + tx, h);
                int fc = reflect(tc + ty, w);
                // undo the flip
                int sc = flip ? w - 1 - fc : fc;
                map[r * w + c] = fr * w + sc;
            }
        }
        return map;
    }

    /** Applies the transformation to one image. */
    public Image apply(Image image) {
        ImageShape shape = image.shape();
        float[] out = new float[shape.size()];
        image.gatherInto(sourcePixelMap(shape), out, 0);
        return new Image(shape, out);
    }

    /** scipy.ndimage 'reflect' (half-sample symmetric): -1 -> 0, n -> n-1, period 2n. */
    static int reflect(int i, int n) {
        int period = 2 * n;
        int m = Math.floorMod(i, period);
        return m < n ? m : period - 1 - m;
    }

    /** A short readable name, e.g. {@code flip+tx-8+ty8+rot90}. */
    public String label() {
        StringBuilder b = new StringBuilder();
        if (flip) {
            b.append("flip");
        }
        if (tx != 0) {
            b.append(b.isEmpty() ? "" : "+").append("tx").append(tx);
        }
        if (ty != 0) {
            b.append(b.isEmpty() ? "" : "+").append("ty").append(ty);
        }
        if (rotations != 0) {
            b.append(b.isEmpty() ? "" : "+").append("rot").append(90 * rotations);
        }
        return b.isEmpty() ? "identity" : b.toString();
    }
}
