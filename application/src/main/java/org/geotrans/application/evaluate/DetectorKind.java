package org.geotrans.application.evaluate;

/**
 * The detectors an experiment can put side by side, declared in the column order of the paper's
 * Table 1 (RAW-OC-SVM, CAE-OC-SVM, E2E-OC-SVM, then GeoTrans last): reports list them in this order.
 */
public enum DetectorKind {
    /** nu = 0.1 and gamma = 1 / (features x pixel variance), both chosen without any test label. */
    OCSVM("OC-SVM (no hindsight)"),
    /** The paper's variant: the (nu, gamma) of the grid with the best test AUROC, i.e. chosen in hindsight. */
    OCSVM_HINDSIGHT("OC-SVM (hindsight)"),
    /** The One-Class SVM on a convolutional autoencoder's codes, nu and gamma chosen as for {@link #OCSVM}. */
    CAE_OCSVM("CAE-OC-SVM (no hindsight)"),
    /** The paper's CAE-OC-SVM: the codes' (nu, gamma) of the grid with the best test AUROC. */
    CAE_OCSVM_HINDSIGHT("CAE-OC-SVM (hindsight)"),
    /** One-Class Deep SVDD (Ruff et al. 2018), the paper's E2E-OC-SVM. */
    DEEP_SVDD("E2E-OC-SVM (Deep SVDD)"),
    /** Deep structured energy-based model (Zhai et al. 2016): minus the energy. */
    DSEBM("DSEBM"),
    /** Deep autoencoding Gaussian mixture model (Zong et al. 2018): minus the sample energy. */
    DAGMM("DAGMM"),
    /** ADGAN (Deecke et al. 2018): minus the generator's reconstruction error after latent search. */
    ADGAN("ADGAN"),
    GEOTRANS_DIRICHLET("GeoTrans (Dirichlet)"),
    GEOTRANS_SIMPLIFIED("GeoTrans (simplified)");

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

    /**
     * Whether a baseline network trained on the normal images makes this detector's scores
     * (CAE-OC-SVM, Deep SVDD and the other deep baselines of Table 1); their epochs follow the
     * settings' baseline epochs.
     */
    public boolean isDeepBaseline() {
        return !isGeoTrans() && this != OCSVM && this != OCSVM_HINDSIGHT;
    }
}
