package org.geotrans.application.train;

import java.util.List;
import org.geotrans.domain.detector.DetectorProvenance;
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
 */
public record TrainDetectorCommand(List<Image> normalImages, Preprocessing preprocessing,
                                   TransformationSet transformations, ClassifierSettings classifier,
                                   double heldOutFraction, ScoreType defaultScore, DetectorProvenance provenance) {
    public TrainDetectorCommand {
        normalImages = List.copyOf(normalImages);
        if (normalImages.size() < 2) {
            throw new IllegalArgumentException("need at least 2 normal images to train on, got " + normalImages.size());
        }
        if (!(heldOutFraction >= 0 && heldOutFraction < 1)) {
            throw new IllegalArgumentException("held-out fraction must be in [0, 1), got " + heldOutFraction);
        }
        int heldOut = (int) Math.round(normalImages.size() * heldOutFraction);
        if (heldOutFraction > 0 && (heldOut < 2 || normalImages.size() - heldOut < 1)) {
            throw new IllegalArgumentException("held-out fraction " + heldOutFraction + " of " + normalImages.size()
                    + " images leaves too few images for the fit or for training");
        }
    }
}
