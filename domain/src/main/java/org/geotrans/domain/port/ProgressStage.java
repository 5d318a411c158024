package org.geotrans.domain.port;

import java.util.Locale;

/** The long steps that report {@link TrainingProgress}; every backend and reader uses these. */
public enum ProgressStage {
    /** Reading the training images of a dataset. */
    READ_TRAIN,
    /** Reading the test images of a dataset. */
    READ_TEST,
    /** Training the transformation classifier (epochs, batches, loss). */
    TRAIN,
    /** The classifier's predictions on the normal images, for the Dirichlet fit. */
    DIRICHLET_FIT,
    /** Scoring held-out normal images to calibrate the decision threshold. */
    CALIBRATE,
    /** Scoring images: every image under every transformation. */
    SCORE,
    /** Predictions outside training and scoring, e.g. a benchmark. */
    PREDICT,
    /** Training and evaluating the One-Class SVMs. */
    OC_SVM,
    /** Gradient ascent on an input image (steps). */
    ASCENT;

    /** A short name for progress lines, e.g. "dirichlet fit". */
    public String label() {
        return switch (this) {
            case OC_SVM -> "oc-svm";
            default -> name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }
}
