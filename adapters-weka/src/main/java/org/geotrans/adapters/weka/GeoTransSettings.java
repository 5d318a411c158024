package org.geotrans.adapters.weka;

import java.io.Serializable;
import org.geotrans.adapters.libtorch.Precision;
import org.geotrans.domain.port.ClassifierBackend;
import java.util.List;
import org.geotrans.adapters.datasets.FileDatasetSource;
import org.geotrans.application.preset.ExperimentSettings;
import org.geotrans.application.train.CalibrationPlan;
import org.geotrans.application.train.TrainDetectorCommand;
import org.geotrans.domain.decision.DecisionThreshold;
import org.geotrans.domain.detector.DetectorProvenance;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.image.Preprocessing;
import org.geotrans.domain.port.ClassifierSettings;
import org.geotrans.domain.score.ScoreType;
import org.geotrans.domain.transform.TransformationSet;

/**
 * What {@link GeoTrans} trains with: the Weka options as one immutable value, checked when it is
 * built, turned into the application's {@link TrainDetectorCommand} once the images are known.
 *
 * @param normalClass a class label, {@code first}, {@code last} or a 1-based index
 * @param transformations a transformation spec ({@link TransformationSet#parse})
 * @param depth WRN depth (6n + 4)
 * @param width WRN widening factor
 * @param epochs training epochs, 0 for the paper's ceil(200 / k)
 * @param minibatch training minibatch size
 * @param scoreType how softmax outputs become a normality score
 * @param seed seeds weights and data order
 * @param imageShape HEIGHTxWIDTHxCHANNELS, or blank to infer it from the attributes
 * @param padTo pad images to this square side before the network (0: none; {@link #PAPER_PADDING}: the
 *     paper's rule, {@link Preprocessing#paperFor}, as on the command line)
 * @param pixelScaling how attribute values become pixel values 0..255
 * @param preset a CLI preset that replaces transformations, network and training options
 * @param backend the engine that trains the network ({@code null} in models saved before there
 *     was a choice: Deeplearning4j)
 * @param precision libtorch's arithmetic ({@code null} in older models: bf16)
 * @param targetFpr the false-alarm rate the decision threshold is set at (0 in models saved
 *     before thresholds)
 * @param calibrationShare share of the normal instances held out to calibrate the threshold; 0
 *     for none (and in older models)
 */
record GeoTransSettings(String normalClass, String transformations, int depth, int width, int epochs, int minibatch,
                        ScoreType scoreType, int seed, String imageShape, int padTo, PixelScaling pixelScaling, GeoTransPreset preset,
                        ClassifierBackend backend, Precision precision, double targetFpr, double calibrationShare)
        implements Serializable {

    GeoTransSettings {
        if (preset == GeoTransPreset.CUSTOM) {
            new ClassifierSettings(depth, width, Math.max(epochs, 1), minibatch, 1e-3, 0, seed);
        }
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must be positive, or 0 for the paper's ceil(200 / k), got " + epochs);
        }
        if (transformations == null || transformations.isBlank()) {
            throw new IllegalArgumentException("the transformation set is empty: give simple8, paper72 or a list such as"
                    + " identity;flip;rot90");
        }
        if (imageShape != null && !imageShape.isBlank()) {
            ImageShape.parse(imageShape);
        }
        if (padTo != PAPER_PADDING) {
            new Preprocessing(padTo);
        }
        if (padTo > FileDatasetSource.MAX_IMAGE_SIZE) {
            throw new IllegalArgumentException("padding target must be -1 (the paper's rule), 0 (none) or at most "
                    + FileDatasetSource.MAX_IMAGE_SIZE + " pixels, the largest image side, got " + padTo);
        }
    }

    /** The padding option's value for the paper's rule: 28x28 images padded to 32x32, others not. */
    static final int PAPER_PADDING = -1;

    /** How images of this raw shape become network input. */
    Preprocessing preprocessing(ImageShape shape) {
        return padTo == PAPER_PADDING ? Preprocessing.paperFor(shape) : new Preprocessing(padTo);
    }

    /** The backend, Deeplearning4j for settings saved before there was a choice. */
    ClassifierBackend backendOrDefault() {
        return backend == null ? ClassifierBackend.DL4J : backend;
    }

    /** libtorch's precision; for settings saved before there was a choice, the machine's default. */
    Precision precisionOrDefault() {
        return precision == null ? Precision.machineDefault() : precision;
    }

    /** The command that trains a detector on the normal images. */
    TrainDetectorCommand command(List<Image> normalImages, ImageShape shape, DetectorProvenance provenance) {
        Preprocessing preprocessing = preprocessing(shape);
        ImageShape input = preprocessing.outputShape(shape);
        // the option is a string until the images' shape is known: it is parsed here, once
        TransformationSet set;
        ClassifierSettings classifier;
        if (preset == GeoTransPreset.CUSTOM) {
            set = TransformationSet.parse(transformations, input);
            int e = epochs == 0 ? ClassifierSettings.paperEpochs(set.size()) : epochs;
            classifier = new ClassifierSettings(depth, width, e, minibatch, 1e-3, ClassifierSettings.PAPER_WEIGHT_DECAY, seed);
        } else {
            ExperimentSettings fromPreset = preset.preset().settingsFor(input);
            set = fromPreset.transforms();
            classifier = fromPreset.classifier(set.size(), seed);
        }
        return new TrainDetectorCommand(normalImages, preprocessing, set, classifier,
                0.0, scoreType, provenance.with("preset", preset.name()), calibration());
    }

    /** The held-out share at the target rate; none in models saved before thresholds (both 0 there). */
    CalibrationPlan calibration() {
        return calibrationShare > 0 ? CalibrationPlan.heldOut(targetFpr, calibrationShare) : CalibrationPlan.NONE;
    }

    static Builder builder() {
        return new Builder();
    }

    /** The mutable side that Weka's option accessors write to; {@link #build()} checks it. */
    static final class Builder implements Serializable {
        private static final long serialVersionUID = 1L;

        String normalClass = NormalClass.FIRST;
        String transformations = TransformationSet.PAPER72;
        int depth = 10;
        int width = 4;
        int epochs = 0;
        int minibatch = 128;
        ScoreType scoreType = ScoreType.DIRICHLET;
        int seed = 1;
        String imageShape = "";
        int padTo = PAPER_PADDING;
        PixelScaling pixelScaling = PixelScaling.RAW;
        GeoTransPreset preset = GeoTransPreset.CUSTOM;
        // DL4J in the default package, which carries it alone; LIBTORCH in the weka-libtorch variant
        ClassifierBackend backend = PackageDefaults.backend();
        Precision precision = Precision.machineDefault();
        double targetFpr = DecisionThreshold.DEFAULT_TARGET_FALSE_ALARM_RATE;
        double calibrationShare = CalibrationPlan.DEFAULT_SHARE;

        /** Checked here rather than in the record, which older models deserialize with zeros. */
        GeoTransSettings build() {
            DecisionThreshold.checkTarget(targetFpr);
            CalibrationPlan.checkShare(calibrationShare);
            return new GeoTransSettings(normalClass, transformations, depth, width, epochs, minibatch, scoreType, seed,
                    imageShape, padTo, pixelScaling, preset, backend, precision, targetFpr, calibrationShare);
        }
    }
}
