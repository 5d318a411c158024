package org.geotrans.adapters.cli;

import org.geotrans.application.train.CalibrationPlan;
import org.geotrans.domain.decision.DecisionThreshold;
import org.geotrans.application.preset.ExperimentSettings;
import org.geotrans.application.preset.Preset;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.transform.TransformationSet;
import org.geotrans.adapters.store.ZipDetectorStore;
import org.geotrans.domain.dirichlet.DirichletFitOptions;
import org.geotrans.domain.dirichlet.SimplexClipping;
import picocli.CommandLine.Option;

/**
 * A preset and the flags that override its values one by one; a flag left out keeps the
 * preset's value, so the presets stay the single place where defaults live.
 */
final class SettingsOptions {
    private static final ImageShape NOMINAL_INPUT = new ImageShape(32, 32, 3);

    @Option(names = "--preset", paramLabel = "PRESET", defaultValue = "PAPER",
            description = "Starting values: paper (section 5.3 of the paper) or quick (a CPU-sized run: thin network, one epoch, subsets). Default: ${DEFAULT-VALUE}.")
    Preset preset;

    @Option(names = "--transforms", paramLabel = "SPEC", description = "Transformations: paper72, simple8 or a list (see the README). Preset: paper72.")
    String transforms;

    @Option(names = "--depth", paramLabel = "N", description = "Wide ResNet depth, 6n + 4 (10, 16, ...).")
    Integer depth;

    @Option(names = "--widen", paramLabel = "K", description = "Wide ResNet widening factor.")
    Integer widen;

    @Option(names = "--epochs", paramLabel = "N", description = "Training epochs; 0 = the paper's ceil(200 / transformations).")
    Integer epochs;

    @Option(names = "--batch-size", paramLabel = "N", description = "Training batch size.")
    Integer batchSize;

    @Option(names = "--learning-rate", paramLabel = "RATE", description = "Adam learning rate.")
    Double learningRate;

    @Option(names = "--weight-decay", paramLabel = "L2", description = "L2 weight decay.")
    Double weightDecay;

    @Option(names = "--max-train", paramLabel = "N", description = "Train on at most N normal images (seeded random subset); 0 = all.")
    Integer maxTrain;

    @Option(names = "--held-out", paramLabel = "FRACTION", description = "Share of the normal images kept out of training, for the Dirichlet fit only (0 = none, as the paper).")
    Double heldOut;

    @Option(names = "--calibration-share", paramLabel = "FRACTION",
            description = "Share of the normal training images kept out of training and the Dirichlet fit to calibrate the"
                    + " decision threshold, 0.." + CalibrationPlan.MAX_SHARE + "; 0 = no threshold. Preset: "
                    + CalibrationPlan.DEFAULT_SHARE + ".")
    Double calibrationShare;

    @Option(names = "--target-fpr", paramLabel = "RATE",
            description = "False-alarm rate the threshold is set at: the share of normal images it flags, in (0, 1)."
                    + " Preset: " + DecisionThreshold.DEFAULT_TARGET_FALSE_ALARM_RATE + ".")
    Double targetFpr;

    @Option(names = "--seed", paramLabel = "SEED", description = "Seed of the subsets, the initialisation and the data order (run r uses seed + r).")
    Long seed;

    @Option(names = "--dirichlet-clip", paramLabel = "EPS",
            description = "Softmax values below EPS are raised to EPS before the Dirichlet fit and score take their"
                    + " logarithms, in (0, " + ZipDetectorStore.MAX_CLIPPING_EPSILON + "]. Default: "
                    + SimplexClipping.DEFAULT_EPSILON
                    + " (the golden vectors'); the paper's reference code clips nothing, which 1e-45 (below every"
                    + " positive float32) matches.")
    Double dirichletClip;

    /**
     * Checks every given flag against the bounds of the settings before any data is read (the
     * preset's values for a 32x32x3 input stand in for the data's); usage errors name the range.
     * Only the transformations wait for the data, since whether a translation fits depends on the
     * image size.
     */
    void validate(RunOptions runs) {
        resolve(NOMINAL_INPUT, runs, false);
        dirichletFit();
    }

    /** The preset's values for this preprocessed input shape, then every given flag; usage errors for bad values. */
    ExperimentSettings resolve(ImageShape input, RunOptions runs) {
        return resolve(input, runs, true);
    }

    private ExperimentSettings resolve(ImageShape input, RunOptions runs, boolean withTransforms) {
        try {
            ExperimentSettings s = preset.settingsFor(input);
            if (transforms != null && withTransforms) {
                // whether a translation fits depends on the image size, known only after reading
                s = s.withTransforms(TransformationSet.parse(transforms, input));
            }
            s = s.withNetwork(or(depth, s.depth()), or(widen, s.widen()));
            s = s.withTraining(or(epochs, s.epochs()), or(batchSize, s.batchSize()), or(learningRate, s.learningRate()),
                    or(weightDecay, s.weightDecay()));
            int maxTest = runs == null ? s.maxTestImages() : or(runs.maxTest, s.maxTestImages());
            int ocsvm = runs == null ? s.ocsvmMaxTrain() : or(runs.ocsvmMaxTrain, s.ocsvmMaxTrain());
            s = s.withLimits(or(maxTrain, s.maxTrainImages()), maxTest, ocsvm);
            if (runs != null && runs.baselineEpochs != null) {
                s = s.withBaselineEpochs(runs.baselineEpochs);
            }
            if (heldOut != null) {
                s = s.withHeldOutFraction(heldOut);
            }
            s = s.withCalibration(or(calibrationShare, s.calibrationShare()), or(targetFpr, s.targetFalseAlarmRate()));
            s = s.withRuns(runs == null ? s.runs() : or(runs.runs, s.runs()), or(seed, s.seed()));
            if (withTransforms) {
                // everything the use cases would reject later is rejected now, before training
                s.transforms().checkApplicable(input);
                s.classifier(s.transforms().size(), s.seed());
            }
            return s;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** How GeoTrans fits its Dirichlets: the defaults, or the clipping of --dirichlet-clip. */
    DirichletFitOptions dirichletFit() {
        if (dirichletClip == null) {
            return DirichletFitOptions.defaults();
        }
        if (!(dirichletClip > 0 && dirichletClip <= ZipDetectorStore.MAX_CLIPPING_EPSILON)) {
            throw new UsageException("--dirichlet-clip must lie in (0, " + ZipDetectorStore.MAX_CLIPPING_EPSILON + "], got "
                    + dirichletClip);
        }
        return DirichletFitOptions.defaults().withClipEpsilon(dirichletClip);
    }

    /**
     * What a resumed run must share beyond the settings record: the clipping, only when given, so
     * that folders of runs before the option stay resumable.
     */
    java.util.Map<String, String> fingerprintParts() {
        return dirichletClip == null ? java.util.Map.of() : java.util.Map.of("dirichlet clip", Double.toString(dirichletClip));
    }

    private static <T> T or(T flag, T preset) {
        return flag != null ? flag : preset;
    }
}
