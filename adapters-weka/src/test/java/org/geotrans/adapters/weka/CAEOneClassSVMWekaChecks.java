package org.geotrans.adapters.weka;

import weka.classifiers.AbstractClassifierTest;
import weka.classifiers.CheckClassifier;
import weka.classifiers.Classifier;

/**
 * Weka's own generic classifier checks for {@link CAEOneClassSVM}; run by {@link WekaChecksTest}. One
 * epoch, since the checks train dozens of times; Weka's generated values are not 8-bit pixels,
 * hence the min-max scaling, and its three numeric attributes (1x1 colour images, 2x2 grey ones
 * where a check adds an attribute) are padded to 8x8, the smallest input the network takes.
 */
public class CAEOneClassSVMWekaChecks extends AbstractClassifierTest {
    public CAEOneClassSVMWekaChecks(String name) {
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
        CAEOneClassSVM classifier = new CAEOneClassSVM();
        classifier.setEpochs(1);
        classifier.setPixelScaling(PixelScaling.MIN_MAX);
        classifier.setPadTo(8);
        return classifier;
    }
}
