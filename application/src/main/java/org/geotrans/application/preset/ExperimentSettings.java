package org.geotrans.application.preset;

import java.util.Objects;
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
 */
public record ExperimentSettings(TransformationSet transforms, int depth, int widen, int epochs, int batchSize,
                                 double learningRate, double weightDecay, int maxTrainImages, int maxTestImages,
                                 double heldOutFraction, int ocsvmMaxTrain, int runs, long seed) {

    public ExperimentSettings {
        Objects.requireNonNull(transforms, "transforms");
        if (maxTrainImages < 0 || maxTestImages < 0 || ocsvmMaxTrain < 0) {
            throw new IllegalArgumentException("image limits must be 0 (all) or positive");
        }
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1, got " + runs);
        }
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must be positive (or 0 for the paper's rule), got " + epochs);
        }
    }

    /** Network settings for a set of k transformations and one run's seed. */
    public ClassifierSettings classifier(int transformations, long runSeed) {
        int e = epochs == 0 ? ClassifierSettings.paperEpochs(transformations) : epochs;
        return new ClassifierSettings(depth, widen, e, batchSize, learningRate, weightDecay, runSeed);
    }

    public ExperimentSettings withTransforms(TransformationSet v) {
        return new ExperimentSettings(v, depth, widen, epochs, batchSize, learningRate, weightDecay, maxTrainImages,
                maxTestImages, heldOutFraction, ocsvmMaxTrain, runs, seed);
    }

    public ExperimentSettings withNetwork(int newDepth, int newWiden) {
        return new ExperimentSettings(transforms, newDepth, newWiden, epochs, batchSize, learningRate, weightDecay,
                maxTrainImages, maxTestImages, heldOutFraction, ocsvmMaxTrain, runs, seed);
    }

    public ExperimentSettings withTraining(int newEpochs, int newBatchSize, double newLearningRate, double newWeightDecay) {
        return new ExperimentSettings(transforms, depth, widen, newEpochs, newBatchSize, newLearningRate, newWeightDecay,
                maxTrainImages, maxTestImages, heldOutFraction, ocsvmMaxTrain, runs, seed);
    }

    public ExperimentSettings withLimits(int newMaxTrain, int newMaxTest, int newOcsvmMaxTrain) {
        return new ExperimentSettings(transforms, depth, widen, epochs, batchSize, learningRate, weightDecay,
                newMaxTrain, newMaxTest, heldOutFraction, newOcsvmMaxTrain, runs, seed);
    }

    public ExperimentSettings withHeldOutFraction(double v) {
        return new ExperimentSettings(transforms, depth, widen, epochs, batchSize, learningRate, weightDecay,
                maxTrainImages, maxTestImages, v, ocsvmMaxTrain, runs, seed);
    }

    public ExperimentSettings withRuns(int newRuns, long newSeed) {
        return new ExperimentSettings(transforms, depth, widen, epochs, batchSize, learningRate, weightDecay,
                maxTrainImages, maxTestImages, heldOutFraction, ocsvmMaxTrain, newRuns, newSeed);
    }
}
