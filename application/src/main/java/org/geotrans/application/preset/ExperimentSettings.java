package org.geotrans.application.preset;

import org.geotrans.application.train.CalibrationPlan;
import org.geotrans.domain.decision.DecisionThreshold;
import java.util.Objects;
import org.geotrans.domain.port.BaselineTraining;
import org.geotrans.domain.port.ClassifierSettings;
import org.geotrans.domain.transform.TransformationSet;

/**
 * Every setting of a GeoTrans experiment. Built from a {@link Preset}, then overridden field by
 * field with the {@code with...} methods.
 *
 * @param transforms the transformations, parsed once where the spec was given
 * @param depth WRN depth
 * @param widen WRN widening factor
 * @param epochs training epochs; 0 means the paper's ceil(200 / k)
 * @param batchSize training batch size
 * @param learningRate Adam learning rate
 * @param weightDecay L2 coefficient
 * @param maxTrainImages use at most this many normal training images (random subset); 0 = all
 * @param maxTestImages score at most this many test images (random subset); 0 = all
 * @param heldOutFraction share of normal images kept out of training for the Dirichlet fit
 * @param ocsvmMaxTrain the One-Class SVM trains on at most this many normal images (its cost
 *     grows with the square)
 * @param runs repetitions with seeds seed, seed + 1, ...
 * @param seed first seed
 * @param calibrationShare share of the normal training images held out from the network and the
 *     Dirichlet fit to calibrate the decision threshold; 0 = no threshold
 * @param targetFalseAlarmRate share of normal images the calibrated threshold flags
 * @param baselineEpochs the epochs of the deep baselines that the paper trains for 200 (ADGAN,
 *     trained for 100 there, gets half of it)
 */
public record ExperimentSettings(TransformationSet transforms, int depth, int widen, int epochs, int batchSize,
                                 double learningRate, double weightDecay, int maxTrainImages, int maxTestImages,
                                 double heldOutFraction, int ocsvmMaxTrain, int runs, long seed,
                                 double calibrationShare, double targetFalseAlarmRate, int baselineEpochs) {

    public static final int MAX_RUNS = 1000;
    /** Keeps most normal images for training the network; the paper holds out none. */
    public static final double MAX_HELD_OUT_FRACTION = 0.9;

    /**
     * Checks every value against its bounds, so that a bad setting is refused before any data is
     * read or any network trained, with the same rule for the command line and Weka.
     */
    public ExperimentSettings {
        Objects.requireNonNull(transforms, "transforms");
        requireZeroOrAtLeastTwo("the number of normal training images (max-train)", maxTrainImages,
                "training and the Dirichlet fit need 2");
        requireZeroOrAtLeastTwo("the number of test images (max-test)", maxTestImages,
                "an AUROC needs a normal and an anomalous image");
        requireZeroOrAtLeastTwo("the number of One-Class SVM training images (ocsvm-max-train)", ocsvmMaxTrain,
                "its gamma rule needs a pixel variance");
        if (runs < 1 || runs > MAX_RUNS) {
            throw new IllegalArgumentException("runs must be 1.." + MAX_RUNS + ", got " + runs);
        }
        if (epochs < 0 || epochs > ClassifierSettings.MAX_EPOCHS) {
            throw new IllegalArgumentException("epochs must be 1.." + ClassifierSettings.MAX_EPOCHS
                    + " (or 0 for the paper's rule), got " + epochs);
        }
        if (!(heldOutFraction >= 0 && heldOutFraction <= MAX_HELD_OUT_FRACTION)) {
            throw new IllegalArgumentException("held-out fraction must be in [0, " + MAX_HELD_OUT_FRACTION + "], got "
                    + heldOutFraction);
        }
        CalibrationPlan.checkShare(calibrationShare);
        DecisionThreshold.checkTarget(targetFalseAlarmRate);
        if (baselineEpochs < 1 || baselineEpochs > ClassifierSettings.MAX_EPOCHS) {
            throw new IllegalArgumentException("baseline epochs must be 1.." + ClassifierSettings.MAX_EPOCHS + ", got "
                    + baselineEpochs);
        }
        // the network's own bounds (depth, width and size, batch, rates), with the epochs of the paper's k = 72
        classifierFor(depth, widen, epochs == 0 ? 3 : epochs, batchSize, learningRate, weightDecay);
    }

    /** These settings without a calibrated threshold, the deep baselines trained for the paper's 200 epochs. */
    public ExperimentSettings(TransformationSet transforms, int depth, int widen, int epochs, int batchSize,
                              double learningRate, double weightDecay, int maxTrainImages, int maxTestImages,
                              double heldOutFraction, int ocsvmMaxTrain, int runs, long seed) {
        this(transforms, depth, widen, epochs, batchSize, learningRate, weightDecay, maxTrainImages, maxTestImages,
                heldOutFraction, ocsvmMaxTrain, runs, seed, 0, DecisionThreshold.DEFAULT_TARGET_FALSE_ALARM_RATE);
    }

    /** These settings with the deep baselines trained for the paper's 200 epochs. */
    public ExperimentSettings(TransformationSet transforms, int depth, int widen, int epochs, int batchSize,
                              double learningRate, double weightDecay, int maxTrainImages, int maxTestImages,
                              double heldOutFraction, int ocsvmMaxTrain, int runs, long seed, double calibrationShare,
                              double targetFalseAlarmRate) {
        this(transforms, depth, widen, epochs, batchSize, learningRate, weightDecay, maxTrainImages, maxTestImages,
                heldOutFraction, ocsvmMaxTrain, runs, seed, calibrationShare, targetFalseAlarmRate,
                BaselineTraining.PAPER_EPOCHS);
    }

    /** The epochs of a deep baseline that the paper trains for {@code paperEpochs}, scaled as {@link #baselineEpochs()} says. */
    public int baselineEpochsFor(int paperEpochs) {
        return BaselineTraining.scaledEpochs(paperEpochs, baselineEpochs);
    }

    private static void requireZeroOrAtLeastTwo(String what, int value, String why) {
        if (value != 0 && value < 2) {
            throw new IllegalArgumentException(what + " must be 0 (all) or at least 2 (" + why + "), got " + value);
        }
    }

    private static ClassifierSettings classifierFor(int depth, int widen, int epochs, int batchSize, double learningRate,
                                                    double weightDecay) {
        return new ClassifierSettings(depth, widen, epochs, batchSize, learningRate, weightDecay, 0);
    }

    /** Network settings for a set of k transformations and one run's seed. */
    public ClassifierSettings classifier(int transformations, long runSeed) {
        int e = epochs == 0 ? ClassifierSettings.paperEpochs(transformations) : epochs;
        return new ClassifierSettings(depth, widen, e, batchSize, learningRate, weightDecay, runSeed);
    }

    public ExperimentSettings withTransforms(TransformationSet v) {
        return new ExperimentSettings(v, depth, widen, epochs, batchSize, learningRate, weightDecay, maxTrainImages,
                maxTestImages, heldOutFraction, ocsvmMaxTrain, runs, seed, calibrationShare,
                targetFalseAlarmRate, baselineEpochs);
    }

    public ExperimentSettings withNetwork(int newDepth, int newWiden) {
        return new ExperimentSettings(transforms, newDepth, newWiden, epochs, batchSize, learningRate, weightDecay,
                maxTrainImages, maxTestImages, heldOutFraction, ocsvmMaxTrain, runs, seed, calibrationShare,
                targetFalseAlarmRate, baselineEpochs);
    }

    public ExperimentSettings withTraining(int newEpochs, int newBatchSize, double newLearningRate, double newWeightDecay) {
        return new ExperimentSettings(transforms, depth, widen, newEpochs, newBatchSize, newLearningRate, newWeightDecay,
                maxTrainImages, maxTestImages, heldOutFraction, ocsvmMaxTrain, runs, seed, calibrationShare,
                targetFalseAlarmRate, baselineEpochs);
    }

    public ExperimentSettings withLimits(int newMaxTrain, int newMaxTest, int newOcsvmMaxTrain) {
        return new ExperimentSettings(transforms, depth, widen, epochs, batchSize, learningRate, weightDecay,
                newMaxTrain, newMaxTest, heldOutFraction, newOcsvmMaxTrain, runs, seed, calibrationShare,
                targetFalseAlarmRate, baselineEpochs);
    }

    public ExperimentSettings withHeldOutFraction(double v) {
        return new ExperimentSettings(transforms, depth, widen, epochs, batchSize, learningRate, weightDecay,
                maxTrainImages, maxTestImages, v, ocsvmMaxTrain, runs, seed, calibrationShare,
                targetFalseAlarmRate, baselineEpochs);
    }

    public ExperimentSettings withCalibration(double share, double target) {
        return new ExperimentSettings(transforms, depth, widen, epochs, batchSize, learningRate, weightDecay,
                maxTrainImages, maxTestImages, heldOutFraction, ocsvmMaxTrain, runs, seed, share, target, baselineEpochs);
    }

    /** How training calibrates the decision threshold: the held-out share, or none when it is 0. */
    public CalibrationPlan calibration() {
        return calibrationShare > 0 ? CalibrationPlan.heldOut(targetFalseAlarmRate, calibrationShare) : CalibrationPlan.NONE;
    }

    public ExperimentSettings withRuns(int newRuns, long newSeed) {
        return new ExperimentSettings(transforms, depth, widen, epochs, batchSize, learningRate, weightDecay,
                maxTrainImages, maxTestImages, heldOutFraction, ocsvmMaxTrain, newRuns, newSeed, calibrationShare,
                targetFalseAlarmRate, baselineEpochs);
    }

    public ExperimentSettings withBaselineEpochs(int v) {
        return new ExperimentSettings(transforms, depth, widen, epochs, batchSize, learningRate, weightDecay,
                maxTrainImages, maxTestImages, heldOutFraction, ocsvmMaxTrain, runs, seed, calibrationShare,
                targetFalseAlarmRate, v);
    }
}
