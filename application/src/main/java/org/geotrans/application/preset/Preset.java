package org.geotrans.application.preset;

import org.geotrans.application.train.CalibrationPlan;
import org.geotrans.domain.decision.DecisionThreshold;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.BaselineTraining;
import org.geotrans.domain.transform.TransformationSet;

/** Named starting points for an experiment; every value can be overridden afterwards. */
public enum Preset {
    /**
     * Section 5.3 of the paper: 72 transformations, WRN-10-4 for images up to 32x32 (WRN-16-8
     * above), Adam, batch 128, ceil(200 / 72) = 3 epochs, all normal training images, the whole
     * test set, Dirichlet fitted on the training images; unlike the paper, a tenth of the normal
     * images is held out to calibrate the decision threshold (a calibration share of 0 trains on all);
     * the deep baselines for the paper's 200 epochs (ADGAN 100).
     */
    PAPER,
    /**
     * A CPU-sized run: the same 72 transformations and scoring, with a thin WRN-10-1, one epoch
     * on a random subset of the normal training images and a random subset of the test set, so
     * that a compare on one class finishes in minutes on two cores. See README for what it gives
     * up against PAPER. The deep baselines train for a third of the paper's epochs, as GeoTrans
     * does (one epoch of the paper's three).
     */
    QUICK;

    /** The preset's settings for images of this (preprocessed) shape. */
    public ExperimentSettings settingsFor(ImageShape shape) {
        boolean large = Math.max(shape.height(), shape.width()) > 32;
        return switch (this) {
            case PAPER -> new ExperimentSettings(TransformationSet.paper72For(shape), large ? 16 : 10, large ? 8 : 4, 0, 128, 1e-3,
                    0.5 * 5e-4, 0, 0, 0.0, 5000, 1, 0, CalibrationPlan.DEFAULT_SHARE, DecisionThreshold.DEFAULT_TARGET_FALSE_ALARM_RATE,
                    BaselineTraining.PAPER_EPOCHS);
            case QUICK -> new ExperimentSettings(TransformationSet.paper72For(shape), 10, 1, 1, 128, 1e-3,
                    0.5 * 5e-4, 1000, 3000, 0.0, 1000, 1, 0, CalibrationPlan.DEFAULT_SHARE, DecisionThreshold.DEFAULT_TARGET_FALSE_ALARM_RATE,
                    (int) Math.round(BaselineTraining.PAPER_EPOCHS / 3.0));
        };
    }
}
