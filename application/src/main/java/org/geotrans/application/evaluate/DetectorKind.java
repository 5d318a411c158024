package org.geotrans.application.evaluate;

/** The detectors an experiment can put side by side. */
public enum DetectorKind {
    GEOTRANS_DIRICHLET("GeoTrans (Dirichlet)"),
    GEOTRANS_SIMPLIFIED("GeoTrans (simplified)"),
    /** nu = 0.1 and gamma = 1 / (features x pixel variance), both chosen without any test label. */
    OCSVM("OC-SVM (no hindsight)"),
    /** The paper's variant: the (nu, gamma) of the grid with the best test AUROC, i.e. chosen in hindsight. */
    OCSVM_HINDSIGHT("OC-SVM (hindsight)");

    private final String label;

    DetectorKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isGeoTrans() {
        return this == GEOTRANS_DIRICHLET || this == GEOTRANS_SIMPLIFIED;
    }
}
