package org.geotrans.adapters.weka;

import weka.classifiers.AbstractClassifierTest;
import weka.classifiers.CheckClassifier;
import weka.classifiers.Classifier;

/**
 * Weka's own generic classifier checks for {@link GeoTrans}; run by {@link WekaChecksTest}. The
 * network is tiny (WRN-10-1, one epoch, flips and rotations) because the checks train dozens of
 * times. Weka's generated data have values that are not 8-bit pixels, hence the min-max
 * scaling; with three numeric attributes they are 1x1 colour images, and the checks that add
 * one attribute get 2x2 grey images (one attribute, Weka's default, would make those two). On a
 * 1x1 image the eight transformations are one and the same, which GeoTrans refuses, so the
 * images are padded to 4x4 first.
 */
public class GeoTransWekaChecks extends AbstractClassifierTest {
    public GeoTransWekaChecks(String name) {
        super(name);
    }

    @Override
    protected CheckClassifier getTester() {
        CheckClassifier tester = super.getTester();
        tester.setNumNumeric(3);
        return tester;
    }

    @Override
    public Classifier getClassifier() {
        GeoTrans geoTrans = new GeoTrans();
        geoTrans.setTransformations("simple8");
        geoTrans.setDepth(10);
        geoTrans.setWidth(1);
        geoTrans.setEpochs(1);
        geoTrans.setMinibatchSize(16);
        geoTrans.setPixelScaling(PixelScaling.MIN_MAX);
        geoTrans.setPadTo(4);
        return geoTrans;
    }
}
