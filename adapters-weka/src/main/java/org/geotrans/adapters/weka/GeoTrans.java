package org.geotrans.adapters.weka;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.geotrans.adapters.dl4j.Dl4jBackend;
import org.geotrans.adapters.libtorch.Precision;
import org.geotrans.domain.port.ClassifierBackend;
import org.geotrans.domain.detector.DetectorProvenance;
import org.geotrans.domain.detector.GeoTransDetector;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.score.ScoreType;
import weka.classifiers.AbstractClassifier;
import weka.core.Capabilities;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.core.Randomizable;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformationHandler;

/**
 * GeoTrans for Weka: a one-class image anomaly detector (Golan and El-Yaniv, NeurIPS 2018).
 * Trains on the instances of the normal class only; predicts a normality score in the normal
 * class's slot of the distribution (see {@link NormalityCalibration}) and the remainder shared
 * by the other classes.
 */
public class GeoTrans extends AbstractClassifier implements TechnicalInformationHandler, Randomizable {
    private static final long serialVersionUID = 1L;

    private final GeoTransSettings.Builder options = GeoTransSettings.builder();

    /** The trained detector; Java serialization writes it as the detector store's model file. */
    private transient GeoTransDetector detector;
    private GeoTransSettings trainedWith;
    private NormalityCalibration calibration;
    private int normalIndex;
    private String normalLabel;
    private String shape;
    private int trainingImages;
    private double[] pixelRange;

    public String globalInfo() {
        return "GeoTrans: deep anomaly detection using geometric transformations. A Wide ResNet learns to tell"
                + " apart k geometric transformations (flips, translations, rotations) of the images of the normal"
                + " class; a Dirichlet fitted to its softmax outputs scores new images: higher = more normal.\n\n"
                + "Training uses the instances of the normal class only and ignores the others, so it can be"
                + " evaluated like any classifier (the Experimenter passes every class to the training fold). The"
                + " normal class's probability is the normality score mapped into [0, 1] by its rank among the"
                + " scores of the normal training images (mid-rank / (n + 1) at a training score, linear in"
                + " between, tails decaying towards 0 and 1): strictly increasing, so the ROC area of the normal"
                + " class is the ROC area of the raw score. The other classes share the remainder.\n\n"
                + "Decisions: training holds out a share of the normal instances (calibrationShare, default 0.1) from"
                + " the network and the Dirichlet fit, and sets a threshold that flags targetFpr (default 0.05) of"
                + " them; the mapping is bent so that the normal class's probability is exactly 0.5 at that"
                + " threshold (still strictly increasing), so the predicted class, accuracy and confusion matrix"
                + " are the threshold's decisions: normal above it, anomalous below. With calibrationShare 0 there"
                + " is no threshold and 0.5 falls on the median training score.\n\n"
                + "Attributes are pixel values 0..255 in row-major, channel-last order; the image shape comes from"
                + " the imageShape option, from attribute names pixel_ROW_COL_CHANNEL (the GeoTrans image loader"
                + " writes them) or from a square attribute count.\n\nFor more information see:\n\n"
                + getTechnicalInformation();
    }

    @Override
    public TechnicalInformation getTechnicalInformation() {
        TechnicalInformation info = new TechnicalInformation(TechnicalInformation.Type.INPROCEEDINGS);
        info.setValue(TechnicalInformation.Field.AUTHOR, "Izhak Golan and Ran El-Yaniv");
        info.setValue(TechnicalInformation.Field.TITLE, "Deep Anomaly Detection Using Geometric Transformations");
        info.setValue(TechnicalInformation.Field.BOOKTITLE, "Advances in Neural Information Processing Systems 31");
        info.setValue(TechnicalInformation.Field.YEAR, "2018");
        info.setValue(TechnicalInformation.Field.PAGES, "9758-9769");
        info.setValue(TechnicalInformation.Field.URL, "https://arxiv.org/abs/1805.10917");
        return info;
    }

    @Override
    public Capabilities getCapabilities() {
        return NormalClass.detectorCapabilities(super.getCapabilities());
    }

    @Override
    public void buildClassifier(Instances data) throws Exception {
        getCapabilities().testWithFail(data);
        GeoTransSettings settings = options.build();
        Instances train = new Instances(data);
        train.deleteWithMissingClass();
        int normal = NormalClass.resolve(settings.normalClass(), train.classAttribute());
        String label = train.classAttribute().value(normal);
        ImageShape imageShape = ImageLayout.shape(train, settings.imageShape());
        Instances normalInstances = new Instances(train, 0);
        for (Instance instance : train) {
            if ((int) instance.classValue() == normal) {
                normalInstances.add(instance);
            }
        }
        double[] range = settings.pixelScaling().range(normalInstances);
        List<Image> normalImages = ImageLayout.images(normalInstances, imageShape, -1, range);
        if (normalImages.size() < 2) {
            throw new IllegalArgumentException("GeoTrans needs at least 2 training instances of the normal class '"
                    + label + "', found " + normalImages.size() + " among " + train.numInstances()
                    + " training instances with a class value");
        }
        detector = null;
        DetectorProvenance provenance = DetectorProvenance.empty()
                .with("data", train.relationName())
                .with("normal-class", label)
                .with("host", "Weka " + weka.core.Version.VERSION);
        GeoTransDetector trained = Dl4jBackend.withContextClassLoader(() -> WekaAdapters.trainDetector(
                        settings.backendOrDefault(), settings.precisionOrDefault())
                .train(settings.command(normalImages, imageShape, provenance), progress()));
        double[] trainingScores = Dl4jBackend.withContextClassLoader(() -> trained.score(normalImages,
                settings.scoreType(), scoringBatch(), ProgressListener.SILENT));
        calibration = trained.threshold().isPresent()
                ? NormalityCalibration.fit(trainingScores, trained.threshold().get().value(settings.scoreType()))
                : NormalityCalibration.fit(trainingScores);
        detector = trained;
        trainedWith = settings;
        normalIndex = normal;
        normalLabel = label;
        shape = imageShape.toString();
        trainingImages = normalImages.size();
        pixelRange = range;
    }

    private ProgressListener progress() {
        if (!getDebug()) {
            return ProgressListener.SILENT;
        }
        return p -> {
            if (p.done() == p.total()) {
                System.err.printf("GeoTrans %s: epoch %d/%d, %d/%d, loss %.4f%n", p.stage().label(), p.epoch(), p.epochs(),
                        p.done(), p.total(), p.loss());
            }
        };
    }

    private int scoringBatch() {
        try {
            return Math.max(1, Integer.parseInt(getBatchSize().trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("batch size for prediction must be a positive integer, got '"
                    + getBatchSize() + "'", e);
        }
    }

    @Override
    public double[] distributionForInstance(Instance instance) throws Exception {
        Instances one = new Instances(instance.dataset(), 1);
        one.add(instance);
        return distributionsForInstances(one)[0];
    }

    @Override
    public double[][] distributionsForInstances(Instances instances) throws Exception {
        if (detector == null) {
            throw new IllegalStateException("GeoTrans has not been trained: call buildClassifier first");
        }
        ImageShape imageShape = ImageShape.parse(shape);
        List<Image> images = ImageLayout.images(instances, imageShape, -1, pixelRange);
        double[] raw = Dl4jBackend.withContextClassLoader(() -> detector.score(images, trainedWith.scoreType(),
                scoringBatch(), ProgressListener.SILENT));
        int classes = instances.numClasses();
        double[][] out = new double[raw.length][classes];
        for (int i = 0; i < raw.length; i++) {
            double p = calibration.apply(raw[i]);
            java.util.Arrays.fill(out[i], classes > 1 ? (1.0 - p) / (classes - 1) : 0.0);
            out[i][normalIndex] = classes > 1 ? p : 1.0;
        }
        return out;
    }

    @Override
    public boolean implementsMoreEfficientBatchPrediction() {
        return true;
    }

    /** The raw normality scores (higher = more normal) of the instances, before the [0, 1] mapping. */
    public double[] rawScores(Instances instances) {
        if (detector == null) {
            throw new IllegalStateException("GeoTrans has not been trained: call buildClassifier first");
        }
        List<Image> images = ImageLayout.images(instances, ImageShape.parse(shape), -1, pixelRange);
        return Dl4jBackend.withContextClassLoader(() -> detector.score(images, trainedWith.scoreType(), scoringBatch(),
                ProgressListener.SILENT));
    }

    @Override
    public String toString() {
        if (detector == null) {
            return "GeoTrans: not trained yet";
        }
        StringBuilder b = new StringBuilder("GeoTrans (Golan and El-Yaniv, NeurIPS 2018)\n\n");
        b.append("Normal class: ").append(normalLabel).append(" (").append(trainingImages).append(" training images, ")
                .append(shape).append(")\n");
        b.append("Transformations: ").append(detector.transformations()).append('\n');
        b.append("Classifier: ").append(detector.classifier().describe()).append('\n');
        b.append("Score: ").append(trainedWith.scoreType()).append(", ").append(calibration.summary()).append('\n');
        detector.provenance().entries().forEach((k, v) -> b.append("  ").append(k).append(": ").append(v).append('\n'));
        return b.toString();
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        byte[] model = detector == null ? new byte[0] : DetectorBytes.write(detector);
        out.writeInt(model.length);
        out.write(model);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        int length = in.readInt();
        if (length < 0) {
            throw new IOException("corrupt GeoTrans model: negative detector length " + length);
        }
        detector = length == 0 ? null : DetectorBytes.read(in.readNBytes(length),
                trainedWith == null ? Precision.machineDefault() : trainedWith.precisionOrDefault());
    }

    // ----- options: each accessor writes to the settings builder; buildClassifier checks them -----

    @OptionMetadata(displayName = "normalClass", description = NormalClass.OPTION_DESCRIPTION,
            commandLineParamName = "normal", commandLineParamSynopsis = NormalClass.OPTION_SYNOPSIS, displayOrder = 1)
    public String getNormalClass() {
        return options.normalClass;
    }

    public void setNormalClass(String value) {
        options.normalClass = value;
    }

    @OptionMetadata(displayName = "transformations", description = "The transformation set: paper72 (the paper's 72),"
            + " paper72:T (translation T), simple8 (flips and rotations) or a list such as identity;flip;tx8+rot90"
            + " (default: paper72).", commandLineParamName = "transformations",
            commandLineParamSynopsis = "-transformations <spec>", displayOrder = 2)
    public String getTransformations() {
        return options.transformations;
    }

    public void setTransformations(String value) {
        options.transformations = value;
    }

    @OptionMetadata(displayName = "depth", description = "WRN depth, 6n + 4 (default: 10).",
            commandLineParamName = "depth", commandLineParamSynopsis = "-depth <int>", displayOrder = 3)
    public int getDepth() {
        return options.depth;
    }

    public void setDepth(int value) {
        options.depth = value;
    }

    @OptionMetadata(displayName = "width", description = "WRN widening factor k (default: 4).",
            commandLineParamName = "width", commandLineParamSynopsis = "-width <int>", displayOrder = 4)
    public int getWidth() {
        return options.width;
    }

    public void setWidth(int value) {
        options.width = value;
    }

    @OptionMetadata(displayName = "epochs", description = "Training epochs; 0 for the paper's ceil(200 / k)"
            + " (default: 0).", commandLineParamName = "epochs", commandLineParamSynopsis = "-epochs <int>",
            displayOrder = 5)
    public int getEpochs() {
        return options.epochs;
    }

    public void setEpochs(int value) {
        options.epochs = value;
    }

    @OptionMetadata(displayName = "minibatchSize", description = "Training minibatch size (default: 128).",
            commandLineParamName = "minibatch", commandLineParamSynopsis = "-minibatch <int>", displayOrder = 6)
    public int getMinibatchSize() {
        return options.minibatch;
    }

    public void setMinibatchSize(int value) {
        options.minibatch = value;
    }

    @OptionMetadata(displayName = "scoreType", description = "Normality score: DIRICHLET (the paper's) or SIMPLIFIED"
            + " (mean log softmax of the true transformation) (default: DIRICHLET).",
            commandLineParamName = "score", commandLineParamSynopsis = "-score <DIRICHLET|SIMPLIFIED>",
            displayOrder = 7)
    public ScoreType getScoreType() {
        return options.scoreType;
    }

    public void setScoreType(ScoreType value) {
        options.scoreType = value;
    }

    @OptionMetadata(displayName = "seed", description = "Seed of weights and data order (default: 1).",
            commandLineParamName = "S", commandLineParamSynopsis = "-S <int>", displayOrder = 8)
    @Override
    public int getSeed() {
        return options.seed;
    }

    @Override
    public void setSeed(int value) {
        options.seed = value;
    }

    @OptionMetadata(displayName = "imageShape", description = "Image shape HEIGHTxWIDTHxCHANNELS; empty to infer it"
            + " from pixel_ROW_COL_CHANNEL attribute names or a square attribute count (default: empty).",
            commandLineParamName = "shape", commandLineParamSynopsis = "-shape <HxWxC>", displayOrder = 9)
    public String getImageShape() {
        return options.imageShape;
    }

    public void setImageShape(String value) {
        options.imageShape = value == null ? "" : value;
    }

    @OptionMetadata(displayName = "padTo", description = "Pad images to this square side before the network; 0 for none;"
            + " -1 (default) for the paper's rule, as on the command line: 28x28 images padded to 32x32, others not.", commandLineParamName = "pad",
            commandLineParamSynopsis = "-pad <int>", displayOrder = 10)
    public int getPadTo() {
        return options.padTo;
    }

    public void setPadTo(int value) {
        options.padTo = value;
    }

    @OptionMetadata(displayName = "pixelScaling", description = "RAW: attribute values are pixel values 0..255 (an"
            + " error otherwise); MIN_MAX: the normal training values' minimum and maximum map to 0 and 255, later"
            + " values are clipped, for data that are not 8-bit images (default: RAW).",
            commandLineParamName = "scaling", commandLineParamSynopsis = "-scaling <RAW|MIN_MAX>", displayOrder = 11)
    public PixelScaling getPixelScaling() {
        return options.pixelScaling;
    }

    public void setPixelScaling(PixelScaling value) {
        options.pixelScaling = value;
    }

    @OptionMetadata(displayName = "preset", description = "CUSTOM uses the options above; QUICK and PAPER take"
            + " transformations, network and training from the command line's presets (default: CUSTOM).",
            commandLineParamName = "preset", commandLineParamSynopsis = "-preset <CUSTOM|QUICK|PAPER>",
            displayOrder = 12)
    public GeoTransPreset getPreset() {
        return options.preset;
    }

    public void setPreset(GeoTransPreset value) {
        options.preset = value;
    }

    @OptionMetadata(displayName = "backend", description = "The engine that trains the network: DL4J"
            + " (Deeplearning4j, in every package) or LIBTORCH (libtorch, in the weka-libtorch package; faster on"
            + " processors with bf16 instructions) (default: DL4J, LIBTORCH in the weka-libtorch package). A saved"
            + " model is read by the engine that wrote it.",
            commandLineParamName = "backend", commandLineParamSynopsis = "-backend <DL4J|LIBTORCH>", displayOrder = 13)
    public ClassifierBackend getBackend() {
        return options.backend;
    }

    public void setBackend(ClassifierBackend value) {
        options.backend = value;
    }

    @OptionMetadata(displayName = "precision", description = "LIBTORCH only: BF16 (bfloat16 autocast) or FP32"
            + " arithmetic in the network; softmax outputs and scores are fp32 or double either way (default: BF16 on"
            + " processors that compute bfloat16 natively, AVX512_BF16 or AMX; FP32 elsewhere, where BF16 is slower).",
            commandLineParamName = "precision", commandLineParamSynopsis = "-precision <BF16|FP32>", displayOrder = 14)
    public Precision getPrecision() {
        return options.precision;
    }

    public void setPrecision(Precision value) {
        options.precision = value;
    }

    @OptionMetadata(displayName = "targetFpr", description = "False-alarm rate of the decision threshold: the share of"
            + " normal images predicted as anomalies, in (0, 1) (default: 0.05).",
            commandLineParamName = "target-fpr", commandLineParamSynopsis = "-target-fpr <rate>", displayOrder = 15)
    public double getTargetFpr() {
        return options.targetFpr;
    }

    public void setTargetFpr(double value) {
        options.targetFpr = value;
    }

    @OptionMetadata(displayName = "calibrationShare", description = "Share of the normal training instances kept out"
            + " of training to calibrate the decision threshold, 0..0.5; 0 = no threshold, probability 0.5 at the"
            + " median training score (default: 0.1).",
            commandLineParamName = "calibration-share", commandLineParamSynopsis = "-calibration-share <fraction>",
            displayOrder = 16)
    public double getCalibrationShare() {
        return options.calibrationShare;
    }

    public void setCalibrationShare(double value) {
        options.calibrationShare = value;
    }

    /** The raw decision threshold (the normal class's probability is 0.5 there), if the model has one. */
    public java.util.OptionalDouble decisionThreshold() {
        if (calibration == null) {
            throw new IllegalStateException("GeoTrans has not been trained: call buildClassifier first");
        }
        return calibration.threshold();
    }

    public static void main(String[] args) {
        runClassifier(new GeoTrans(), args);
    }
}
