package org.geotrans.adapters.weka;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.geotrans.adapters.baselines.Dl4jImageEncoder;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.port.BaselineTraining;
import org.geotrans.domain.port.ProgressListener;
import weka.classifiers.AbstractClassifier;
import weka.core.Attribute;
import weka.core.Capabilities;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.core.Randomizable;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformationHandler;

/**
 * CAE-OC-SVM for Weka, a baseline of the GeoTrans paper: a DCGAN-shaped convolutional
 * autoencoder trained on the normal class, then a One-Class SVM ({@link OneClassSVM}) on its
 * 256-d bottleneck codes; the SVM's continuous decision value, mapped into [0, 1] by its rank
 * among the training values, goes in the normal class's slot.
 */
public class CAEOneClassSVM extends AbstractClassifier implements TechnicalInformationHandler, Randomizable {
    private static final long serialVersionUID = 1L;
    /** The codes' class attribute: all training codes are "normal"; Weka's SVM refuses a unary class. */
    private static final List<String> CODE_CLASSES = List.of("normal", "other");

    private String normalClass = NormalClass.FIRST;
    private int epochs = BaselineTraining.PAPER_EPOCHS;
    private int seed = 1;
    private double nu = 0.1;
    private double gamma = 0.0;
    private String imageShape = "";
    private int padTo = GeoTransSettings.PAPER_PADDING;
    private PixelScaling pixelScaling = PixelScaling.RAW;

    /** The trained encoder; Java serialization writes it as DL4J's model bytes. */
    private transient Dl4jImageEncoder encoder;
    private OneClassSVM svm;
    private Instances codeHeader;
    private NormalImages layout;
    private NormalityCalibration calibration;
    private int trainingImages;

    public String globalInfo() {
        return "CAE-OC-SVM: a convolutional autoencoder shaped like DCGAN (3x3 stride-2 convolutions with batch norm"
                + " and ReLU down to 4x4, a 256-d tanh code, transposed convolutions back to the image), trained on"
                + " the normal class with the mean squared error, Adam and batch 128; then a One-Class SVM with an"
                + " RBF kernel on the codes. Images are prepared as GeoTrans prepares them (pixel values 0..255"
                + " scaled to [-1, 1], padded); after padding they must be square with a side of 4 x 2^n (8, 16, 32,"
                + " 64, ...).\n\nTraining uses the instances of the normal class only. The normal class's probability"
                + " is the SVM's decision value mapped into [0, 1] by its rank among the training values (strictly"
                + " increasing, so Weka's ROC area ranks by the decision value); the other classes share the"
                + " remainder.\n\nFor more information see:\n\n" + getTechnicalInformation();
    }

    @Override
    public TechnicalInformation getTechnicalInformation() {
        TechnicalInformation info = new TechnicalInformation(TechnicalInformation.Type.INPROCEEDINGS);
        info.setValue(TechnicalInformation.Field.AUTHOR, "Izhak Golan and Ran El-Yaniv");
        info.setValue(TechnicalInformation.Field.TITLE, "Deep Anomaly Detection Using Geometric Transformations"
                + " (section 5.1, CAE-OC-SVM)");
        info.setValue(TechnicalInformation.Field.BOOKTITLE, "Advances in Neural Information Processing Systems 31");
        info.setValue(TechnicalInformation.Field.YEAR, "2018");
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
        Instances train = new Instances(data);
        train.deleteWithMissingClass();
        BaselineTraining training = BaselineTraining.autoencoder(epochs, seed);
        NormalImages images = NormalImages.of(train, normalClass, imageShape, padTo, pixelScaling, "CAE-OC-SVM");
        List<Image> normal = images.prepared(NormalImages.normalInstances(train, images.normalIndex()));
        encoder = null;
        Dl4jImageEncoder trained = WekaAdapters.autoencoder().train(normal, training, ProgressListener.SILENT);
        Instances header = codeHeader(trained.codeLength());
        Instances codes = codes(header, trained.encode(normal, ProgressListener.SILENT));
        OneClassSVM oneClass = new OneClassSVM();
        oneClass.setNu(nu);
        oneClass.setGamma(gamma);
        oneClass.setDebug(getDebug());
        oneClass.buildClassifier(codes);
        double[] trainingValues = new double[codes.numInstances()];
        for (int i = 0; i < trainingValues.length; i++) {
            trainingValues[i] = oneClass.decisionValue(codes.instance(i));
        }
        calibration = NormalityCalibration.fit(trainingValues);
        encoder = trained;
        svm = oneClass;
        codeHeader = header;
        layout = images;
        trainingImages = normal.size();
    }

    private static Instances codeHeader(int length) {
        ArrayList<Attribute> attributes = new ArrayList<>(length + 1);
        for (int f = 0; f < length; f++) {
            attributes.add(new Attribute("code_" + f));
        }
        attributes.add(new Attribute("class", CODE_CLASSES));
        Instances header = new Instances("autoencoder-codes", attributes, 0);
        header.setClassIndex(length);
        return header;
    }

    private static Instances codes(Instances header, float[][] rows) {
        Instances out = new Instances(header, rows.length);
        for (float[] row : rows) {
            double[] values = new double[row.length + 1];
            for (int f = 0; f < row.length; f++) {
                values[f] = row[f];
            }
            out.add(new DenseInstance(1, values));
        }
        return out;
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

    /** The One-Class SVM's decision values on the instances' codes, higher = more normal. */
    public double[] rawScores(Instances instances) {
        if (encoder == null) {
            throw new IllegalStateException("CAEOneClassSVM has not been trained: call buildClassifier first");
        }
        Instances codes = codes(codeHeader, encoder.encode(layout.prepared(instances), ProgressListener.SILENT));
        double[] out = new double[codes.numInstances()];
        for (int i = 0; i < out.length; i++) {
            out[i] = svm.decisionValue(codes.instance(i));
        }
        return out;
    }

    @Override
    public String toString() {
        if (encoder == null) {
            return "CAEOneClassSVM: not trained yet";
        }
        return "CAE-OC-SVM\n\nNormal class: " + layout.normalLabel() + " (" + trainingImages + " training images, "
                + layout.rawShape() + ")\nAutoencoder: " + encoder.describe() + "\nOn its codes: " + svm
                + "Score: " + calibration.summary() + "\n";
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        byte[] model = encoder == null ? new byte[0] : encoder.toBytes();
        out.writeInt(model.length);
        out.write(model);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        int length = in.readInt();
        if (length < 0) {
            throw new IOException("corrupt CAEOneClassSVM model: negative autoencoder length " + length);
        }
        try {
            encoder = length == 0 ? null : Dl4jImageEncoder.fromBytes(in.readNBytes(length));
        } catch (IllegalArgumentException e) {
            throw new IOException("corrupt CAEOneClassSVM model: " + e.getMessage(), e);
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

    @OptionMetadata(displayName = "epochs", description = "Autoencoder training epochs (default: 200, the GeoTrans"
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

    @OptionMetadata(displayName = "nu", description = "The One-Class SVM's nu, in (0, 1] (default: 0.1).",
            commandLineParamName = "nu", commandLineParamSynopsis = "-nu <double>", displayOrder = 4)
    public double getNu() {
        return nu;
    }

    public void setNu(double value) {
        nu = value;
    }

    @OptionMetadata(displayName = "gamma", description = "The RBF kernel coefficient on the codes; 0 for 1 / (code"
            + " length x variance of the training codes) (default: 0).", commandLineParamName = "gamma",
            commandLineParamSynopsis = "-gamma <double>", displayOrder = 5)
    public double getGamma() {
        return gamma;
    }

    public void setGamma(double value) {
        gamma = value;
    }

    @OptionMetadata(displayName = "imageShape", description = "Image shape HEIGHTxWIDTHxCHANNELS; empty to infer it"
            + " from pixel_ROW_COL_CHANNEL attribute names or a square attribute count (default: empty).",
            commandLineParamName = "shape", commandLineParamSynopsis = "-shape <HxWxC>", displayOrder = 6)
    public String getImageShape() {
        return imageShape;
    }

    public void setImageShape(String value) {
        imageShape = value == null ? "" : value;
    }

    @OptionMetadata(displayName = "padTo", description = "Pad images to this square side before the network; 0 for none;"
            + " -1 (default) for the paper's rule: 28x28 images padded to 32x32, others not.",
            commandLineParamName = "pad", commandLineParamSynopsis = "-pad <int>", displayOrder = 7)
    public int getPadTo() {
        return padTo;
    }

    public void setPadTo(int value) {
        padTo = value;
    }

    @OptionMetadata(displayName = "pixelScaling", description = "RAW: attribute values are pixel values 0..255 (an"
            + " error otherwise); MIN_MAX: the normal training values' minimum and maximum map to 0 and 255"
            + " (default: RAW).", commandLineParamName = "scaling", commandLineParamSynopsis = "-scaling <RAW|MIN_MAX>",
            displayOrder = 8)
    public PixelScaling getPixelScaling() {
        return pixelScaling;
    }

    public void setPixelScaling(PixelScaling value) {
        pixelScaling = value;
    }

    public static void main(String[] args) {
        runClassifier(new CAEOneClassSVM(), args);
    }
}
