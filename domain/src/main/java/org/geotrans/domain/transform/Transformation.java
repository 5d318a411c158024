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
    /**
     * The largest shift accepted at all; a set checks the real bound (below twice the side)
     * against its images. This one only keeps sums and negations of shifts far from overflow.
     */
    public static final int MAX_SHIFT = 1 << 24;

    public Transformation {
        if (rotations < 0 || rotations > 3) {
            throw new IllegalArgumentException("rotations must be 0..3 quarter turns, got " + rotations);
        }
        if (Math.abs((long) tx) > MAX_SHIFT || Math.abs((long) ty) > MAX_SHIFT) {
            throw new IllegalArgumentException("shifts must be within +-" + MAX_SHIFT + " pixels, got tx " + tx + ", ty " + ty);
        }
    }

    /** A horizontal flip alone. */
    public static Transformation flipStep() {
        return new Transformation(true, 0, 0, 0);
    }

    /** A translation alone (see the class comment for the axes). */
    public static Transformation shiftStep(int tx, int ty) {
        return new Transformation(false, tx, ty, 0);
    }

    /** A rotation alone, by {@code quarterTurns} x 90 degrees counter-clockwise. */
    public static Transformation rotationStep(int quarterTurns) {
        return new Transformation(false, 0, 0, Math.floorMod(quarterTurns, 4));
    }

    /**
     * The transformation that applies this one and then {@code next}, pixel for pixel, written
     * in this record's order (flip, translate, rotate). Flips and rotations move past a
     * translation by turning its axes (reflect fill is symmetric, so this is exact), and past
     * each other as in the dihedral group: {@code rot90} then {@code rot180} is {@code rot270},
     * {@code flip} then {@code flip} is the identity.
     *
     * @throws IllegalArgumentException when both shift along the same axis: two shifts with
     *     reflect fill are not one shift (the pixels pushed out at the edge are lost), so no
     *     single transformation of this form equals them
     */
    public Transformation then(Transformation next) {
        Transformation t = this;
        if (next.flip) {
            // translate-then-flip = flip-then-translate with the column shift mirrored;
            // rotate-then-flip = flip-then-rotate the other way
            t = new Transformation(!t.flip, t.tx, -t.ty, Math.floorMod(-t.rotations, 4));
        }
        if (next.tx != 0 || next.ty != 0) {
            // rotate by one quarter then shift (a, b) = shift (b, -a) then rotate
            int a = next.tx;
            int b = next.ty;
            for (int k = 0; k < t.rotations; k++) {
                int turned = b;
                b = -a;
                a = turned;
            }
            if ((a != 0 && t.tx != 0) || (b != 0 && t.ty != 0)) {
                throw new IllegalArgumentException(label() + " then " + next.label()
                        + " shifts twice along the same axis; with reflect fill that is not one shift: write one shift");
            }
            t = new Transformation(t.flip, t.tx + a, t.ty + b, t.rotations);
        }
        return new Transformation(t.flip, t.tx, t.ty, (t.rotations + next.rotations) % 4);
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
