package org.geotrans.adapters.weka;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.image.Preprocessing;
import weka.core.Instance;
import weka.core.Instances;

/**
 * How the deep baselines' Weka classifiers read images: the normal class chosen in
 * {@code buildClassifier}, the image shape and pixel range of its training instances, and the
 * paper's preprocessing (padding, [-1, 1]); kept with the trained classifier so that later
 * instances are read alike.
 *
 * @param normalIndex the normal class's index
 * @param normalLabel its label
 * @param rawShape the images' shape in the attributes, HEIGHTxWIDTHxCHANNELS (a string: domain types are not
 *     Serializable)
 * @param range the attribute values mapped to pixel values 0..255 ({@link PixelScaling})
 * @param padTo the square side the images are padded to (0: none)
 */
record NormalImages(int normalIndex, String normalLabel, String rawShape, double[] range, int padTo)
        implements Serializable {

    /**
     * The layout of {@code data}'s normal class.
     *
     * @param padTo the square side to pad to, 0 for none, {@link GeoTransSettings#PAPER_PADDING} for the paper's rule
     * @throws IllegalArgumentException for a normal class with fewer than 2 instances, or attributes that are no image
     */
    static NormalImages of(Instances data, String normalClass, String imageShape, int padTo, PixelScaling scaling,
                           String detector) {
        int normal = NormalClass.resolve(normalClass, data.classAttribute());
        String label = data.classAttribute().value(normal);
        ImageShape shape = ImageLayout.shape(data, imageShape);
        Instances normals = normalInstances(data, normal);
        if (normals.numInstances() < 2) {
            throw new IllegalArgumentException(detector + " needs at least 2 training instances of the normal class '" + label
                    + "', found " + normals.numInstances() + " among " + data.numInstances()
                    + " training instances with a class value");
        }
        int side = padTo == GeoTransSettings.PAPER_PADDING ? Preprocessing.paperFor(shape).padTo() : padTo;
        return new NormalImages(normal, label, shape.toString(), scaling.range(normals), side);
    }

    static Instances normalInstances(Instances data, int normal) {
        Instances out = new Instances(data, data.numInstances());
        for (Instance instance : data) {
            if (!instance.classIsMissing() && (int) instance.classValue() == normal) {
                out.add(instance);
            }
        }
        return out;
    }

    /** The instances' images as the networks see them (padded, scaled to [-1, 1]). */
    List<Image> prepared(Instances instances) {
        Preprocessing preprocessing = new Preprocessing(padTo);
        List<Image> out = new ArrayList<>(instances.numInstances());
        for (Image raw : ImageLayout.images(instances, ImageShape.parse(rawShape), -1, range)) {
            out.add(preprocessing.apply(raw));
        }
        return out;
    }

    /** Class distributions with the calibrated score in the normal class's slot and the rest shared by the others. */
    double[][] distributions(double[] scores, NormalityCalibration calibration, int classes) {
        double[][] out = new double[scores.length][classes];
        for (int i = 0; i < scores.length; i++) {
            double p = calibration.apply(scores[i]);
            Arrays.fill(out[i], classes > 1 ? (1.0 - p) / (classes - 1) : 0.0);
            out[i][normalIndex] = classes > 1 ? p : 1.0;
        }
        return out;
    }
}
