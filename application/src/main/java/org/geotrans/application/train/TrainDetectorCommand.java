package org.geotrans.application.train;

import java.util.List;
import org.geotrans.domain.detector.DetectorProvenance;
import org.geotrans.domain.dirichlet.DirichletFitOptions;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.Preprocessing;
import org.geotrans.domain.port.ClassifierSettings;
import org.geotrans.domain.score.ScoreType;
import org.geotrans.domain.transform.TransformationSet;

/**
 * What to train a GeoTrans detector on and how.
 *
 * @param normalImages raw images (0..255) of the normal class only
 * @param preprocessing padding and scaling applied before the network
 * @param transformations the transformation set the network learns to tell apart
 * @param classifier network and optimiser settings
 * @param heldOutFraction share of the normal images kept out of network training and used only
 *     for the Dirichlet fit (0 = fit on the training images, as the paper's main results)
 * @param defaultScore score type the saved detector reports by default
 * @param provenance what to record about data and settings
 * @param calibration how the decision threshold is calibrated; its held-out share is taken from
 *     the normal images first, the held-out fraction of the Dirichlet fit from the rest
 * @param dirichletFit how the Dirichlets are fitted and how the scorer clips probabilities
 */
public record TrainDetectorCommand(List<Image> normalImages, Preprocessing preprocessing,
                                   TransformationSet transformations, ClassifierSettings classifier,
                                   double heldOutFraction, ScoreType defaultScore, DetectorProvenance provenance,
                                   CalibrationPlan calibration, DirichletFitOptions dirichletFit) {
    public TrainDetectorCommand {
        normalImages = List.copyOf(normalImages);
        java.util.Objects.requireNonNull(calibration, "calibration");
        java.util.Objects.requireNonNull(dirichletFit, "dirichletFit");
        int calibrating = calibration.heldOutOf(normalImages.size());
        int training = normalImages.size() - calibrating;
        if (training < 2) {
            throw new IllegalArgumentException("need at least 2 normal images to train on, got " + training
                    + (calibrating > 0 ? " after holding out " + calibrating + " for calibration" : ""));
        }
        if (!(heldOutFraction >= 0 && heldOutFraction < 1)) {
            throw new IllegalArgumentException("held-out fraction must be in [0, 1), got " + heldOutFraction);
        }
        int heldOut = (int) Math.round(training * heldOutFraction);
        if (heldOutFraction > 0 && (heldOut < 2 || training - heldOut < 1)) {
            throw new IllegalArgumentException("held-out fraction " + heldOutFraction + " of " + training
                    + " images leaves too few images for the fit or for training");
        }
    }

    /** A command with the default Dirichlet fit (clipping at 1e-12, as the golden vectors). */
    public TrainDetectorCommand(List<Image> normalImages, Preprocessing preprocessing, TransformationSet transformations,
                                ClassifierSettings classifier, double heldOutFraction, ScoreType defaultScore,
                                DetectorProvenance provenance, CalibrationPlan calibration) {
        this(normalImages, preprocessing, transformations, classifier, heldOutFraction, defaultScore, provenance,
                calibration, DirichletFitOptions.defaults());
    }

    /** A command without calibration: the detector gets no decision threshold. */
    public TrainDetectorCommand(List<Image> normalImages, Preprocessing preprocessing, TransformationSet transformations,
                                ClassifierSettings classifier, double heldOutFraction, ScoreType defaultScore,
                                DetectorProvenance provenance) {
        this(normalImages, preprocessing, transformations, classifier, heldOutFraction, defaultScore, provenance,
                CalibrationPlan.NONE);
    }
}
