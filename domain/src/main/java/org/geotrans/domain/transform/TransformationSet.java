package org.geotrans.domain.transform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.geotrans.domain.image.ImageShape;

/**
 * An ordered set of transformations; the classifier learns to tell them apart, and the index in
 * this list is the class label. The order is part of a saved model.
 *
 * <p>Spec strings ({@link #parse}):
 * <ul>
 *   <li>{@code paper72} - the paper's 72 in the reference order: flip in (no, yes), tx in
 *       (0, -t, +t), ty in (0, -t, +t), rotation 0..3 quarter turns, the last varying fastest;
 *       t = side / 4 (8 for 32x32, 16 for 64x64), or {@code paper72:T} for an explicit t;</li>
 *   <li>{@code simple8} - flip x the four rotations;</li>
 *   <li>a list of transformations separated by {@code ;}, each {@code identity} or atoms joined
 *       by {@code +}: {@code flip}, {@code tx<int>}, {@code ty<int>}, {@code rot90|rot180|rot270};
 *       e.g. {@code identity;flip} or {@code identity;tx7} (the paper's section 6). This is also
 *       the form {@link #spec()} prints for custom sets.</li>
 * </ul>
 */
public final class TransformationSet {
    public static final String PAPER72 = "paper72";
    public static final String SIMPLE8 = "simple8";

    private final String spec;
    private final List<Transformation> transformations;

    private TransformationSet(String spec, List<Transformation> transformations) {
        if (transformations.size() < 2) {
            throw new IllegalArgumentException("a transformation set needs at least 2 transformations to tell apart, got "
                    + transformations.size());
        }
        if (new LinkedHashSet<>(transformations).size() != transformations.size()) {
            throw new IllegalArgumentException("transformation set '" + spec + "' lists a transformation twice");
        }
        this.spec = spec;
        this.transformations = List.copyOf(transformations);
    }

    /** The paper's 72 transformations with translation {@code t} pixels, in the reference order. */
    public static TransformationSet paper72(int t) {
        if (t <= 0) {
            throw new IllegalArgumentException("translation of paper72 must be positive, got " + t);
        }
        List<Transformation> list = new ArrayList<>(72);
        for (boolean flip : new boolean[] {false, true}) {
            for (int tx : new int[] {0, -t, t}) {
                for (int ty : new int[] {0, -t, t}) {
                    for (int k = 0; k < 4; k++) {
                        list.add(new Transformation(flip, tx, ty, k));
                    }
                }
            }
        }
        return new TransformationSet(PAPER72 + ":" + t, list);
    }

    /**
     * The paper's 72 with its default translation for this shape: a quarter of the side (8 for
     * 32x32). Not yet checked against the shape ({@link #checkApplicable}), like {@link #paper72}.
     */
    public static TransformationSet paper72For(ImageShape shape) {
        return paper72(Math.max(1, Math.min(shape.height(), shape.width()) / 4));
    }

    /** Flip x four rotations: 8 transformations. */
    public static TransformationSet simple8() {
        List<Transformation> list = new ArrayList<>(8);
        for (boolean flip : new boolean[] {false, true}) {
            for (int k = 0; k < 4; k++) {
                list.add(new Transformation(flip, 0, 0, k));
            }
        }
        return new TransformationSet(SIMPLE8, list);
    }

    /** A set from an explicit list. */
    public static TransformationSet of(List<Transformation> transformations) {
        StringBuilder spec = new StringBuilder();
        for (Transformation t : transformations) {
            spec.append(spec.isEmpty() ? "" : ";").append(t.label());
        }
        return new TransformationSet(spec.toString(), transformations);
    }

    /**
     * Parses a spec (see the class comment) for images of {@code shape}, which sets paper72's
     * default translation and is checked against rotations.
     */
    public static TransformationSet parse(String spec, ImageShape shape) {
        String s = spec == null ? "" : spec.trim().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty transformation spec: expected paper72, paper72:T, simple8 "
                    + "or a list such as identity;flip;tx8+rot90");
        }
        TransformationSet set;
        if (s.equals(PAPER72)) {
            set = paper72For(shape);
        } else if (s.startsWith(PAPER72 + ":")) {
            set = paper72(parseShift(s.substring(PAPER72.length() + 1), PAPER72 + ":", Math.min(shape.height(), shape.width()), spec));
        } else if (s.equals(SIMPLE8)) {
            set = simple8();
        } else {
            List<Transformation> list = new ArrayList<>();
            for (String item : s.split(";", -1)) {
                list.add(parseOne(item.trim(), spec, shape));
            }
            set = of(list);
        }
        set.checkApplicable(shape);
        return set;
    }

    /** One item: {@code identity}, or steps joined by '+' applied left to right and composed. */
    private static Transformation parseOne(String item, String spec, ImageShape shape) {
        if (item.isEmpty()) {
            throw new IllegalArgumentException("transformation spec '" + spec + "' has an empty item between ';'");
        }
        Transformation composed = Transformation.IDENTITY;
        for (String atom : item.split("\\+", -1)) {
            String a = atom.trim();
            Transformation step;
            if (a.equals("identity") || a.equals("id")) {
                step = Transformation.IDENTITY;
            } else if (a.equals("flip")) {
                step = Transformation.flipStep();
            } else if (a.startsWith("tx")) {
                step = Transformation.shiftStep(parseShift(a.substring(2), "tx", shape.height(), spec), 0);
            } else if (a.startsWith("ty")) {
                step = Transformation.shiftStep(0, parseShift(a.substring(2), "ty", shape.width(), spec));
            } else if (a.equals("rot90") || a.equals("rot180") || a.equals("rot270")) {
                step = Transformation.rotationStep(Integer.parseInt(a.substring(3)) / 90);
            } else {
                throw new IllegalArgumentException("unknown transformation '" + a + "' in spec '" + spec
                        + "': expected identity, flip, tx<int>, ty<int>, rot90, rot180 or rot270, joined by '+'");
            }
            try {
                composed = composed.then(step);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("transformation '" + item + "' in spec '" + spec + "': " + e.getMessage());
            }
        }
        return composed;
    }

    /** The number of a shift such as {@code tx-8}, checked against the side it moves along before any arithmetic. */
    private static int parseShift(String digits, String prefix, int side, String spec) {
        int shift = parseInt(digits, spec, "shift after '" + prefix + "'");
        if (!shiftFits(shift, side)) {
            throw new IllegalArgumentException("translation " + prefix + digits.trim() + " in spec '" + spec + "' is too large for images of side "
                    + side + ": shifts must lie within +-" + (2L * side - 1));
        }
        return shift;
    }

    /** Shifts of twice the side or more repeat smaller ones under reflect fill; long arithmetic, no overflow. */
    private static boolean shiftFits(int shift, int side) {
        return Math.abs((long) shift) < 2L * side;
    }

    private static int parseInt(String text, String spec, String what) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected an integer " + what + " in transformation spec '" + spec
                    + "', got '" + text + "'");
        }
    }

    /**
     * Throws a clear error if some transformation cannot be applied to this shape, or if two of
     * them act the same on images of this shape (the classifier could not tell them apart):
     * compared by effect, as pixel maps under reflect fill, not by their parameters; e.g.
     * {@code tx32} and {@code tx-32} on 32x32 images.
     */
    public void checkApplicable(ImageShape shape) {
        for (Transformation t : transformations) {
            t.checkApplicable(shape);
            if (!shiftFits(t.tx(), shape.height()) || !shiftFits(t.ty(), shape.width())) {
                throw new IllegalArgumentException("translation " + t.label() + " is too large for a " + shape
                        + " image: shifts must lie within +-" + (2L * Math.min(shape.height(), shape.width()) - 1));
            }
        }
        // one map at a time, keyed by a hash: memory stays at two maps whatever the set's size
        Map<Integer, List<Transformation>> byHash = new HashMap<>();
        for (Transformation t : transformations) {
            int[] map = t.sourcePixelMap(shape);
            List<Transformation> sameHash = byHash.computeIfAbsent(Arrays.hashCode(map), h -> new ArrayList<>(1));
            for (Transformation same : sameHash) {
                if (Arrays.equals(map, same.sourcePixelMap(shape))) {
                    throw new IllegalArgumentException("transformation set '" + spec + "' has two transformations that act the same on "
                            + shape.height() + "x" + shape.width() + " images (reflect fill): " + same.label() + " and "
                            + t.label() + "; the network could not tell them apart");
                }
            }
            sameHash.add(t);
        }
    }

    /** One gather map per transformation (see {@link Transformation#sourcePixelMap}). */
    public int[][] sourcePixelMaps(ImageShape shape) {
        checkApplicable(shape);
        int[][] maps = new int[transformations.size()][];
        for (int i = 0; i < maps.length; i++) {
            maps[i] = transformations.get(i).sourcePixelMap(shape);
        }
        return maps;
    }

    /** The spec this set was made from; {@link #parse} of it gives an equal set. */
    public String spec() {
        return spec;
    }

    public int size() {
        return transformations.size();
    }

    public Transformation get(int index) {
        return transformations.get(index);
    }

    public List<Transformation> transformations() {
        return transformations;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransformationSet other && transformations.equals(other.transformations);
    }

    @Override
    public int hashCode() {
        return transformations.hashCode();
    }

    @Override
    public String toString() {
        return spec + " (" + size() + " transformations)";
    }
}
