package org.geotrans.adapters.weka;

import org.geotrans.domain.port.ClassifierBackend;
import weka.classifiers.Classifier;

/** Weka's generic classifier checks for {@link GeoTrans} on the libtorch backend; run by {@link WekaChecksTest}. */
public class GeoTransLibtorchWekaChecks extends GeoTransWekaChecks {
    public GeoTransLibtorchWekaChecks(String name) {
        super(name);
    }

    @Override
    public Classifier getClassifier() {
        GeoTrans geoTrans = (GeoTrans) super.getClassifier();
        geoTrans.setBackend(ClassifierBackend.LIBTORCH);
        return geoTrans;
    }
}
