package org.geotrans.adapters.weka;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.geotrans.adapters.baselines.Dl4jDeepSvdd;
import org.geotrans.adapters.dl4j.Dl4jBackend;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.port.BaselineTraining;
import org.geotrans.domain.port.ProgressListener;
import weka.classifiers.AbstractClassifier;
import weka.core.Capabilities;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.core.Randomizable;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformationHandler;

/**
 * One-Class Deep SVDD (Ruff et al., ICML 2018; the GeoTrans paper's E2E-OC-SVM) for Weka: trained
 * on the normal class only, it puts minus the squared distance to the hypersphere's centre,
 * mapped into [0, 1] by its rank among the training scores ({@link NormalityCalibration}), in the
 * normal class's slot.
 */
public class DeepSVDD extends AbstractClassifier implements TechnicalInformationHandler, Randomizable {
    private static final long serialVersionUID = 1L;

    private String normalClass = NormalClass.FIRST;
    private int epochs = BaselineTraining.PAPER_EPOCHS;
    private int seed = 1;
    private String imageShape = "";
    private int padTo = GeoTransSettings.PAPER_PADDING;
    private PixelScaling pixelScaling = PixelScaling.RAW;

    /** The trained network; Java serialization writes it as DL4J's model bytes. */
    private transient Dl4jDeepSvdd detector;
    private NormalImages layout;
    private NormalityCalibration calibration;
    private int trainingImages;

    public String globalInfo() {
        return "One-Class Deep SVDD: a LeNet-type network without bias terms learns to map the images of the normal"
                + " class close to a centre c (the mean of its initial outputs); the score is minus the squared"
                + " distance to c, higher = more normal. Adam (step 1e-4, batch 200, weight decay 0.5e-6) as Ruff et"
                + " al. train it on CIFAR-10, without their autoencoder pretraining. Images are prepared as GeoTrans"
                + " prepares them (pixel values 0..255 scaled to [-1, 1], padded); their sides must be multiples of 8"
                + " after padding.\n\nTraining uses the instances of the normal class only. The normal class's"
                + " probability is the score mapped into [0, 1] by its rank among the training scores (strictly"
                + " increasing, so Weka's ROC area ranks by the score); the other classes share the remainder.\n\n"
                + "For more information see:\n\n" + getTechnicalInformation();
    }

    @Override
    public TechnicalInformation getTechnicalInformation() {
        TechnicalInformation info = new TechnicalInformation(TechnicalInformation.Type.INPROCEEDINGS);
        info.setValue(TechnicalInformation.Field.AUTHOR, "Lukas Ruff and Robert Vandermeulen and Nico Goernitz and"
                + " Lucas Deecke and Shoaib Ahmed Siddiqui and Alexander Binder and Emmanuel Mueller and Marius Kloft");
        info.setValue(TechnicalInformation.Field.TITLE, "Deep One-Class Classification");
        info.setValue(TechnicalInformation.Field.BOOKTITLE, "Proceedings of the 35th International Conference on Machine"
                + " Learning");
        info.setValue(TechnicalInformation.Field.YEAR, "2018");
        info.setValue(TechnicalInformation.Field.PAGES, "4393-4402");
        return info;
    }

    @Override
    public Capabilities getCapabilities() {
        return NormalClass.detectorCapabilities(super.getCapabilities());
    }

    @Override
    public void buildClassifier(Instances data) throws Exception {
        getCapabilities().testWithFail(data);
        Instances train = new Instances(data);
        train.deleteWithMissingClass();
        BaselineTraining training = BaselineTraining.deepSvdd(epochs, seed);
        NormalImages images = NormalImages.of(train, normalClass, imageShape, padTo, pixelScaling, "Deep SVDD");
        List<Image> normal = images.prepared(NormalImages.normalInstances(train, images.normalIndex()));
        detector = null;
        Dl4jDeepSvdd trained = WekaAdapters.deepSvdd().train(normal, training, ProgressListener.SILENT);
        calibration = NormalityCalibration.fit(trained.scores(normal, ProgressListener.SILENT));
        detector = trained;
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

    /** Minus the squared distance of each instance's representation to the centre, higher = more normal. */
    public double[] rawScores(Instances instances) {
        if (detector == null) {
            throw new IllegalStateException("DeepSVDD has not been trained: call buildClassifier first");
        }
        return detector.scores(layout.prepared(instances), ProgressListener.SILENT);
    }

    @Override
    public String toString() {
        if (detector == null) {
            return "DeepSVDD: not trained yet";
        }
        return "One-Class Deep SVDD (Ruff et al., ICML 2018)\n\nNormal class: " + layout.normalLabel() + " ("
                + trainingImages + " training images, " + layout.rawShape() + ")\nNetwork: " + detector.describe()
                + "\nScore: minus the squared distance to the centre, " + calibration.summary() + "\n";
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        byte[] model = detector == null ? new byte[0] : detector.toBytes();
        out.writeInt(model.length);
        out.write(model);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        int length = in.readInt();
        if (length < 0) {
            throw new IOException("corrupt DeepSVDD model: negative network length " + length);
        }
        try {
            detector = length == 0 ? null : Dl4jDeepSvdd.fromBytes(in.readNBytes(length));
        } catch (IllegalArgumentException e) {
            throw new IOException("corrupt DeepSVDD model: " + e.getMessage(), e);
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

    @OptionMetadata(displayName = "epochs", description = "Training epochs (default: 200, the GeoTrans paper's budget"
            + " for its deep baselines).", commandLineParamName = "epochs", commandLineParamSynopsis = "-epochs <int>",
            displayOrder = 2)
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
            commandLineParamName = "shape", commandLineParamSynopsis = "-shape <HxWxC>", displayOrder = 4)
    public String getImageShape() {
        return imageShape;
    }

    public void setImageShape(String value) {
        imageShape = value == null ? "" : value;
    }

    @OptionMetadata(displayName = "padTo", description = "Pad images to this square side before the network; 0 for none;"
            + " -1 (default) for the paper's rule: 28x28 images padded to 32x32, others not.",
            commandLineParamName = "pad", commandLineParamSynopsis = "-pad <int>", displayOrder = 5)
    public int getPadTo() {
        return padTo;
    }

    public void setPadTo(int value) {
        padTo = value;
    }

    @OptionMetadata(displayName = "pixelScaling", description = "RAW: attribute values are pixel values 0..255 (an"
            + " error otherwise); MIN_MAX: the normal training values' minimum and maximum map to 0 and 255"
            + " (default: RAW).", commandLineParamName = "scaling", commandLineParamSynopsis = "-scaling <RAW|MIN_MAX>",
            displayOrder = 6)
    public PixelScaling getPixelScaling() {
        return pixelScaling;
    }

    public void setPixelScaling(PixelScaling value) {
        pixelScaling = value;
    }

    public static void main(String[] args) {
        runClassifier(new DeepSVDD(), args);
    }
}
