package org.geotrans.adapters.weka;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.port.BaselineTraining;
import org.geotrans.domain.port.ClassifierBackend;
import weka.classifiers.AbstractClassifier;
import weka.core.Capabilities;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.core.Randomizable;
import weka.core.TechnicalInformationHandler;

/**
 * What the paper's deep baselines share as Weka classifiers: they learn from the normal class's
 * images alone (prepared as GeoTrans prepares them), for a number of epochs from a seed, and put a
 * continuous score, mapped into [0, 1] by its rank among the training scores
 * ({@link NormalityCalibration}), in the normal class's slot. A subclass trains its network on the
 * chosen backend and scores prepared images; the network is written into Java serialization as its
 * own bytes, with the backend that reads them back.
 */
public abstract class DeepImageBaseline extends AbstractClassifier implements TechnicalInformationHandler, Randomizable {
    private static final long serialVersionUID = 1L;

    private String normalClass = NormalClass.FIRST;
    private int epochs = BaselineTraining.PAPER_EPOCHS;
    private int seed = 1;
    private String imageShape = "";
    private int padTo = GeoTransSettings.PAPER_PADDING;
    private PixelScaling pixelScaling = PixelScaling.RAW;
    private ClassifierBackend backend = PackageDefaults.backend();

    /** The backend of the trained network; null in models saved before there was a choice (DL4J). */
    private ClassifierBackend networkBackend;
    private NormalImages layout;
    private NormalityCalibration calibration;
    private int trainingImages;

    /** The detector's name in messages, e.g. "Deep SVDD". */
    protected abstract String detectorName();

    /**
     * Trains on the normal class's prepared images and returns their scores, higher = more normal;
     * until it returns, the previous network (if any) is forgotten.
     */
    protected abstract double[] train(List<Image> normal, int epochs, int seed, ClassifierBackend backend)
            throws Exception;

    /** Whether a network is trained (or was read back). */
    protected abstract boolean isTrained();

    /** The scores of prepared images, higher = more normal. */
    protected abstract double[] score(List<Image> prepared);

    /** The network as bytes for Java serialization; empty when none is trained. */
    protected abstract byte[] networkBytes() throws IOException;

    /** Restores the network {@link #networkBytes} wrote on {@code backend} (never called with empty bytes). */
    protected abstract void restoreNetwork(byte[] bytes, ClassifierBackend backend);

    @Override
    public Capabilities getCapabilities() {
        return NormalClass.detectorCapabilities(super.getCapabilities());
    }

    @Override
    public void buildClassifier(Instances data) throws Exception {
        getCapabilities().testWithFail(data);
        Instances train = new Instances(data);
        train.deleteWithMissingClass();
        NormalImages images = NormalImages.of(train, normalClass, imageShape, padTo, pixelScaling, detectorName());
        List<Image> normal = images.prepared(NormalImages.normalInstances(train, images.normalIndex()));
        ClassifierBackend chosen = orDl4j(backend);
        networkBackend = null;
        calibration = NormalityCalibration.fit(train(normal, epochs, seed, chosen));
        networkBackend = chosen;
        layout = images;
        trainingImages = normal.size();
    }

    @Override
    public double[] distributionForInstance(Instance instance) throws Exception {
        Instances one = new Instances(instance.dataset(), 1);
        one.add(instance);
        return distributionsForInstances(one)[0];
    }

    @Override
    public double[][] distributionsForInstances(Instances instances) throws Exception {
        return layout.distributions(rawScores(instances), calibration, instances.numClasses());
    }

    @Override
    public boolean implementsMoreEfficientBatchPrediction() {
        return true;
    }

    /** The detector's own scores of the instances, higher = more normal. */
    public double[] rawScores(Instances instances) {
        if (!isTrained()) {
            throw new IllegalStateException(getClass().getSimpleName() + " has not been trained: call buildClassifier first");
        }
        return score(layout.prepared(instances));
    }

    /** "Normal class: LABEL (N training images, SHAPE)" for {@link #toString}. */
    protected String trainedOn() {
        return "Normal class: " + layout.normalLabel() + " (" + trainingImages + " training images, " + layout.rawShape() + ")";
    }

    /** How the score maps into the normal class's probability, for {@link #toString}. */
    protected String calibrationSummary() {
        return calibration.summary();
    }

    /** DL4J where no backend is set: an option cleared, or a model saved before there was a choice. */
    private static ClassifierBackend orDl4j(ClassifierBackend backend) {
        return backend == null ? ClassifierBackend.DL4J : backend;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        byte[] model = isTrained() ? networkBytes() : new byte[0];
        out.writeInt(model.length);
        out.write(model);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        int length = in.readInt();
        String corrupt = "corrupt " + getClass().getSimpleName() + " model: ";
        if (length < 0) {
            throw new IOException(corrupt + "negative network length " + length);
        }
        try {
            if (length > 0) {
                restoreNetwork(in.readNBytes(length), orDl4j(networkBackend));
            }
        } catch (IllegalArgumentException e) {
            throw new IOException(corrupt + e.getMessage(), e);
        }
    }

    @OptionMetadata(displayName = "normalClass", description = NormalClass.OPTION_DESCRIPTION,
            commandLineParamName = "normal", commandLineParamSynopsis = NormalClass.OPTION_SYNOPSIS, displayOrder = 1)
    public String getNormalClass() {
        return normalClass;
    }

    public void setNormalClass(String value) {
        normalClass = value;
    }

    @OptionMetadata(displayName = "epochs", description = "Training epochs of the network (default: 200, the GeoTrans"
            + " paper's budget for its deep baselines).", commandLineParamName = "epochs",
            commandLineParamSynopsis = "-epochs <int>", displayOrder = 2)
    public int getEpochs() {
        return epochs;
    }

    public void setEpochs(int value) {
        epochs = value;
    }

    @OptionMetadata(displayName = "seed", description = "Seed of weights and data order (default: 1).",
            commandLineParamName = "S", commandLineParamSynopsis = "-S <int>", displayOrder = 3)
    @Override
    public int getSeed() {
        return seed;
    }

    @Override
    public void setSeed(int value) {
        seed = value;
    }

    @OptionMetadata(displayName = "imageShape", description = "Image shape HEIGHTxWIDTHxCHANNELS; empty to infer it"
            + " from pixel_ROW_COL_CHANNEL attribute names or a square attribute count (default: empty).",
            commandLineParamName = "shape", commandLineParamSynopsis = "-shape <HxWxC>", displayOrder = 10)
    public String getImageShape() {
        return imageShape;
    }

    public void setImageShape(String value) {
        imageShape = value == null ? "" : value;
    }

    @OptionMetadata(displayName = "padTo", description = "Pad images to this square side before the network; 0 for none;"
            + " -1 (default) for the paper's rule: 28x28 images padded to 32x32, others not.",
            commandLineParamName = "pad", commandLineParamSynopsis = "-pad <int>", displayOrder = 11)
    public int getPadTo() {
        return padTo;
    }

    public void setPadTo(int value) {
        padTo = value;
    }

    @OptionMetadata(displayName = "pixelScaling", description = "RAW: attribute values are pixel values 0..255 (an"
            + " error otherwise); MIN_MAX: the normal training values' minimum and maximum map to 0 and 255"
            + " (default: RAW).", commandLineParamName = "scaling", commandLineParamSynopsis = "-scaling <RAW|MIN_MAX>",
            displayOrder = 12)
    public PixelScaling getPixelScaling() {
        return pixelScaling;
    }

    public void setPixelScaling(PixelScaling value) {
        pixelScaling = value;
    }

    @OptionMetadata(displayName = "backend", description = "The engine that trains the network: DL4J"
            + " (Deeplearning4j, in every package) or LIBTORCH (libtorch in fp32, in the weka-libtorch package; tens"
            + " of times faster on this project's processor) (default: DL4J, LIBTORCH in the weka-libtorch package)."
            + " A saved model is read by the engine"
            + " that wrote it.", commandLineParamName = "backend", commandLineParamSynopsis = "-backend <DL4J|LIBTORCH>",
            displayOrder = 13)
    public ClassifierBackend getBackend() {
        return backend;
    }

    public void setBackend(ClassifierBackend value) {
        backend = value;
    }
}
