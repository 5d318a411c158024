package org.geotrans.domain.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;

/**
 * Raw images (values 0..255) of one shape with integer class labels and the class names. The
 * label of image i is {@code labels[i]}, an index into {@code classNames}.
 */
public final class LabeledImages {
    private final ImageShape shape;
    private final List<Image> images;
    private final int[] labels;
    private final List<String> classNames;

    public LabeledImages(ImageShape shape, List<Image> images, int[] labels, List<String> classNames) {
        if (images.size() != labels.length) {
            throw new IllegalArgumentException(images.size() + " images but " + labels.length + " labels");
        }
        for (int i = 0; i < images.size(); i++) {
            if (!images.get(i).shape().equals(shape)) {
                throw new IllegalArgumentException("image " + i + " has shape " + images.get(i).shape()
                        + ", the set has " + shape);
            }
            if (labels[i] < 0 || labels[i] >= classNames.size()) {
                throw new IllegalArgumentException("label " + labels[i] + " of image " + i + " is not one of the "
                        + classNames.size() + " classes");
            }
        }
        requireDistinct(classNames);
        this.shape = shape;
        this.images = List.copyOf(images);
        this.labels = labels.clone();
        this.classNames = List.copyOf(classNames);
    }

    public ImageShape shape() {
        return shape;
    }

    public int size() {
        return images.size();
    }

    public Image image(int i) {
        return images.get(i);
    }

    public List<Image> images() {
        return images;
    }

    public int label(int i) {
        return labels[i];
    }

    public int[] labels() {
        return labels.clone();
    }

    public List<String> classNames() {
        return classNames;
    }

    /** The images of one class, in their order. */
    public List<Image> imagesOfClass(int classIndex) {
        checkClass(classIndex);
        List<Image> out = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            if (labels[i] == classIndex) {
                out.add(images.get(i));
            }
        }
        return out;
    }

    /**
     * Only the images of these classes, in their order; the class list stays whole, so labels
     * and names keep their meaning.
     */
    public LabeledImages onlyClasses(java.util.Set<Integer> classes) {
        List<Image> kept = new java.util.ArrayList<>();
        int[] keptLabels = new int[size()];
        int n = 0;
        for (int i = 0; i < size(); i++) {
            if (classes.contains(labels[i])) {
                kept.add(images.get(i));
                keptLabels[n++] = labels[i];
            }
        }
        return new LabeledImages(shape, kept, java.util.Arrays.copyOf(keptLabels, n), classNames);
    }

    /** The first {@code n} images (or all, when fewer). */
    public LabeledImages head(int n) {
        int m = Math.min(n, size());
        int[] l = new int[m];
        System.arraycopy(labels, 0, l, 0, m);
        return new LabeledImages(shape, images.subList(0, m), l, classNames);
    }

    /**
     * Resolves a class given by name (case-insensitive) or by index.
     *
     * @throws IllegalArgumentException naming the class and the classes there are
     */
    public int classIndex(String nameOrIndex) {
        String s = nameOrIndex.trim();
        for (int i = 0; i < classNames.size(); i++) {
            if (normalised(classNames.get(i)).equals(normalised(s))) {
                return i;
            }
        }
        try {
            int i = Integer.parseInt(s);
            checkClass(i);
            return i;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unknown class '" + nameOrIndex + "': the classes are "
                    + String.join(", ", classNames) + " (or their indices 0.." + (classNames.size() - 1) + ")");
        }
    }

    /**
     * Refuses class names that {@link #classIndex} could not tell apart (equal once trimmed and
     * compared ignoring case): asking for one of them would silently pick the first.
     *
     * @throws IllegalArgumentException naming the two names and their indices
     */
    public static void requireDistinct(List<String> classNames) {
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (int i = 0; i < classNames.size(); i++) {
            Integer before = seen.putIfAbsent(normalised(classNames.get(i)), i);
            if (before != null) {
                throw new IllegalArgumentException("class names must be distinct, but class " + before + " '"
                        + classNames.get(before) + "' and class " + i + " '" + classNames.get(i)
                        + "' are the same name (compared trimmed, ignoring case)");
            }
        }
    }

    private static String normalised(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private void checkClass(int i) {
        if (i < 0 || i >= classNames.size()) {
            throw new IllegalArgumentException("class index " + i + " is out of range: the classes are "
                    + String.join(", ", classNames).toLowerCase(Locale.ROOT) + " (indices 0.." + (classNames.size() - 1) + ")");
        }
    }
}
