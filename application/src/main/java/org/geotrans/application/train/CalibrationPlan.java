package org.geotrans.application.train;

import java.util.List;
import org.geotrans.domain.decision.DecisionThreshold;
import org.geotrans.domain.image.Image;

/**
 * How training calibrates the detector's decision threshold: on a share of the normal images
 * kept out of training (and out of the Dirichlet fit), or on separate normal images the user
 * gave; with neither, the detector has no threshold.
 *
 * @param targetFalseAlarmRate share of normal images the threshold flags, in (0, 1)
 * @param share share of the normal training images held out for calibration, in [0, 0.5];
 *     ignored when {@code separateImages} are given
 * @param separateImages raw normal images (0..255, the training images' shape) the network never
 *     sees, or empty
 * @param separateSource where the separate images came from, for the model's record
 */
public record CalibrationPlan(double targetFalseAlarmRate, double share, List<Image> separateImages, String separateSource) {
    /** The default held-out share: a tenth of the normal images. */
    public static final double DEFAULT_SHARE = 0.1;
    /** Training and the Dirichlet fit need this many images. */
    public static final int MIN_TRAINING_IMAGES = 2;
    /** More would starve the network of training images. */
    public static final double MAX_SHARE = 0.5;
    /** No calibration: the detector gets no threshold (the behaviour before thresholds existed). */
    public static final CalibrationPlan NONE = new CalibrationPlan(DecisionThreshold.DEFAULT_TARGET_FALSE_ALARM_RATE, 0,
            List.of(), "");

    public CalibrationPlan {
        DecisionThreshold.checkTarget(targetFalseAlarmRate);
        checkShare(share);
        separateImages = List.copyOf(separateImages);
        separateSource = separateSource == null ? "" : separateSource;
    }

    /** A held-out share of the normal training images. */
    public static CalibrationPlan heldOut(double targetFalseAlarmRate, double share) {
        return new CalibrationPlan(targetFalseAlarmRate, share, List.of(), "");
    }

    /** Separate normal images; no training image is held out. */
    public static CalibrationPlan separate(double targetFalseAlarmRate, List<Image> images, String source) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("the calibration images are empty: " + source);
        }
        return new CalibrationPlan(targetFalseAlarmRate, 0, images, source);
    }

    /** @throws IllegalArgumentException unless the share is in [0, {@link #MAX_SHARE}] */
    public static void checkShare(double share) {
        if (!(share >= 0 && share <= MAX_SHARE)) {
            throw new IllegalArgumentException("the calibration share must be in [0, " + MAX_SHARE + "], got " + share);
        }
    }

    /** Whether training sets a threshold at all. */
    public boolean calibrates() {
        return !separateImages.isEmpty() || share > 0;
    }

    /**
     * How many of n normal training images are held out for calibration: the share, at least one,
     * and none when that would leave fewer than {@link #MIN_TRAINING_IMAGES} to train on (the
     * detector then has no threshold).
     */
    public int heldOutOf(int n) {
        if (!separateImages.isEmpty() || share == 0) {
            return 0;
        }
        int held = Math.max(1, (int) Math.round(n * share));
        return n - held >= MIN_TRAINING_IMAGES ? held : 0;
    }
}
