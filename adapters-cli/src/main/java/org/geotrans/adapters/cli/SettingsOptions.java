package org.geotrans.adapters.cli;

import org.geotrans.application.preset.ExperimentSettings;
import org.geotrans.application.preset.Preset;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.transform.TransformationSet;
import picocli.CommandLine.Option;

/**
 * A preset and the flags that override its values one by one; a flag left out keeps the
 * preset's value, so the presets stay the single place where defaults live.
 */
final class SettingsOptions {
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

    @Option(names = "--seed", paramLabel = "SEED", description = "Seed of the subsets, the initialisation and the data order (run r uses seed + r).")
    Long seed;

    /** The preset's values for this preprocessed input shape, then every given flag; usage errors for bad values. */
    ExperimentSettings resolve(ImageShape input, RunOptions runs) {
        try {
            ExperimentSettings s = preset.settingsFor(input);
            if (transforms != null) {
                s = s.withTransforms(TransformationSet.parse(transforms, input));
            }
            s = s.withNetwork(or(depth, s.depth()), or(widen, s.widen()));
            s = s.withTraining(or(epochs, s.epochs()), or(batchSize, s.batchSize()), or(learningRate, s.learningRate()),
                    or(weightDecay, s.weightDecay()));
            int maxTest = runs == null ? s.maxTestImages() : or(runs.maxTest, s.maxTestImages());
            int ocsvm = runs == null ? s.ocsvmMaxTrain() : or(runs.ocsvmMaxTrain, s.ocsvmMaxTrain());
            s = s.withLimits(or(maxTrain, s.maxTrainImages()), maxTest, ocsvm);
            if (heldOut != null) {
                s = s.withHeldOutFraction(heldOut);
            }
            s = s.withRuns(runs == null ? s.runs() : or(runs.runs, s.runs()), or(seed, s.seed()));
            // everything the use cases would reject later is rejected now, before data and training
            s.transforms().checkApplicable(input);
            s.classifier(s.transforms().size(), s.seed());
            if (!(s.heldOutFraction() >= 0 && s.heldOutFraction() < 1)) {
                throw new IllegalArgumentException("--held-out must be in [0, 1), found " + s.heldOutFraction());
            }
            return s;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static <T> T or(T flag, T preset) {
        return flag != null ? flag : preset;
    }
}
