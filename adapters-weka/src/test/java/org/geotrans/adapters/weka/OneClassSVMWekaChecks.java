package org.geotrans.adapters.weka;

import weka.classifiers.AbstractClassifierTest;
import weka.classifiers.Classifier;

/** Weka's own generic classifier checks for {@link OneClassSVM}; run by {@link WekaChecksTest}. */
public class OneClassSVMWekaChecks extends AbstractClassifierTest {
    public OneClassSVMWekaChecks(String name) {
        super(name);
    }

    @Override
    public Classifier getClassifier() {
        return new OneClassSVM();
    }
}
