package org.geotrans.adapters.weka;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import weka.core.Instance;
import weka.core.Instances;

/**
 * How images sit in Weka instances: every attribute but the class is one pixel value (0..255) in
 * row-major, channel-last (HWC) order. {@link ImageDatasetLoader} names them
 * {@code pixel_ROW_COL_CHANNEL}, which encodes the shape; otherwise a shape is given, or N pixel
 * attributes are read as a square grey image (N = s x s) or a square colour image (N = 3 s x s).
 */
final class ImageLayout {
    static final String PREFIX = "pixel_";
    private static final Pattern NAME = Pattern.compile("pixel_(\\d+)_(\\d+)_(\\d+)");

    private ImageLayout() {
    }

    /** The attribute name of a pixel value. */
    static String attributeName(int row, int col, int channel) {
        return PREFIX + row + "_" + col + "_" + channel;
    }

    /**
     * The image shape of the data's non-class attributes.
     *
     * @param explicitShape HEIGHTxWIDTHxCHANNELS, or blank to infer it
     * @throws IllegalArgumentException when the attributes do not form an image of that shape, or
     *     of any shape when none is given
     */
    static ImageShape shape(Instances header, String explicitShape) {
        int pixels = header.numAttributes() - (header.classIndex() >= 0 ? 1 : 0);
        if (explicitShape != null && !explicitShape.isBlank()) {
            ImageShape shape = ImageShape.parse(explicitShape);
            if (shape.size() != pixels) {
                throw new IllegalArgumentException("image shape " + shape + " needs " + shape.size()
                        + " pixel attributes, the data has " + pixels + " attributes besides the class");
            }
            return shape;
        }
        ImageShape named = fromNames(header, pixels);
        if (named != null) {
            return named;
        }
        int grey = squareSide(pixels);
        if (grey > 0) {
            return new ImageShape(grey, grey, 1);
        }
        int colour = pixels % 3 == 0 ? squareSide(pixels / 3) : 0;
        if (colour > 0) {
            return new ImageShape(colour, colour, 3);
        }
        throw new IllegalArgumentException("the " + pixels + " attributes besides the class do not form an image:"
                + " give the image shape (HEIGHTxWIDTHxCHANNELS), name them pixel_ROW_COL_CHANNEL as the GeoTrans"
                + " image loader does, or use s x s (grey) or 3 s x s (colour) attributes");
    }

    private static ImageShape fromNames(Instances header, int pixels) {
        List<int[]> coordinates = new ArrayList<>(pixels);
        for (int a = 0; a < header.numAttributes(); a++) {
            if (a == header.classIndex()) {
                continue;
            }
            Matcher m = NAME.matcher(header.attribute(a).name());
            if (!m.matches()) {
                return null;
            }
            coordinates.add(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))});
        }
        if (coordinates.isEmpty()) {
            return null;
        }
        int[] lastPixel = coordinates.get(coordinates.size() - 1);
        ImageShape shape = new ImageShape(lastPixel[0] + 1, lastPixel[1] + 1, lastPixel[2] + 1);
        if (shape.size() != pixels) {
            throw new IllegalArgumentException("the pixel attributes end at " + attributeName(lastPixel[0], lastPixel[1],
                    lastPixel[2]) + ", a " + shape + " image with " + shape.size() + " values, but there are "
                    + pixels + " of them");
        }
        for (int i = 0; i < coordinates.size(); i++) {
            int[] c = coordinates.get(i);
            if (shape.index(c[0], c[1], c[2]) != i) {
                throw new IllegalArgumentException("pixel attribute " + (i + 1) + " is "
                        + attributeName(c[0], c[1], c[2]) + ", but a " + shape + " image in row-major, channel-last"
                        + " order has " + attributeName(i / shape.channels() / shape.width(),
                        i / shape.channels() % shape.width(), i % shape.channels()) + " there");
            }
        }
        return shape;
    }

    private static int squareSide(int n) {
        int s = (int) Math.round(Math.sqrt(n));
        return s > 0 && s * s == n ? s : 0;
    }

    /** The image held by an instance's non-class attributes, with {@code range} mapped to 0..255 ({@link PixelScaling}). */
    static Image image(Instance instance, ImageShape shape, double[] range) {
        float[] values = new float[shape.size()];
        int classIndex = instance.classIndex();
        int v = 0;
        for (int a = 0; a < instance.numAttributes(); a++) {
            if (a != classIndex) {
                values[v++] = PixelScaling.toPixel(instance.value(a), range);
            }
        }
        if (v != values.length) {
            throw new IllegalArgumentException("instance has " + v + " pixel attributes, a " + shape + " image needs "
                    + values.length);
        }
        return new Image(shape, values);
    }

    /** The images of all instances, or of those of one class value when {@code classValue >= 0}. */
    static List<Image> images(Instances data, ImageShape shape, int classValue, double[] range) {
        List<Image> out = new ArrayList<>();
        for (Instance instance : data) {
            if (classValue < 0 || (!instance.classIsMissing() && (int) instance.classValue() == classValue)) {
                out.add(image(instance, shape, range));
            }
        }
        return out;
    }
}
