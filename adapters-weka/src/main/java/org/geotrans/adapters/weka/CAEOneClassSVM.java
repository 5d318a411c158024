package org.geotrans.adapters.weka;

import java.util.ArrayList;
import java.util.List;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.port.BaselineTraining;
import org.geotrans.domain.port.ClassifierBackend;
import org.geotrans.domain.port.ImageEncoder;
import org.geotrans.domain.port.ProgressListener;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.core.TechnicalInformation;

/**
 * CAE-OC-SVM for Weka, a baseline of the GeoTrans paper: a DCGAN-shaped convolutional
 * autoencoder trained on the normal class, then a One-Class SVM ({@link OneClassSVM}) on its
 * 256-d bottleneck codes; the SVM's continuous decision value, mapped into [0, 1] by its rank
 * among the training values, goes in the normal class's slot.
 */
public class CAEOneClassSVM extends DeepImageBaseline {
    private static final long serialVersionUID = 2L;
    /** The codes' class attribute: all training codes are "normal"; Weka's SVM refuses a unary class. */
    private static final List<String> CODE_CLASSES = List.of("normal", "other");

    private double nu = 0.1;
    private double gamma = 0.0;

    /** The trained encoder; Java serialization writes it as its backend's bytes. */
    private transient ImageEncoder encoder;
    private OneClassSVM svm;
    private Instances codeHeader;

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
    protected String detectorName() {
        return "CAE-OC-SVM";
    }

    @Override
    protected double[] train(List<Image> normal, int epochs, int seed, ClassifierBackend backend) throws Exception {
        encoder = null;
        ImageEncoder trained = WekaAdapters.autoencoder(backend).train(normal, BaselineTraining.autoencoder(epochs, seed),
                ProgressListener.SILENT);
        Instances header = codeHeader(trained.codeLength());
        Instances codes = codes(header, trained.encode(normal, ProgressListener.SILENT));
        OneClassSVM oneClass = new OneClassSVM();
        oneClass.setNu(nu);
        oneClass.setGamma(gamma);
        oneClass.setDebug(getDebug());
        oneClass.buildClassifier(codes);
        encoder = trained;
        svm = oneClass;
        codeHeader = header;
        return decisionValues(codes);
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
    protected boolean isTrained() {
        return encoder != null;
    }

    /** The One-Class SVM's decision values on the images' codes, higher = more normal. */
    @Override
    protected double[] score(List<Image> prepared) {
        return decisionValues(codes(codeHeader, encoder.encode(prepared, ProgressListener.SILENT)));
    }

    private double[] decisionValues(Instances codes) {
        double[] out = new double[codes.numInstances()];
        for (int i = 0; i < out.length; i++) {
            out[i] = svm.decisionValue(codes.instance(i));
        }
        return out;
    }

    @Override
    protected byte[] networkBytes() {
        return WekaAdapters.autoencoderBytes(encoder);
    }

    @Override
    protected void restoreNetwork(byte[] bytes, ClassifierBackend backend) {
        encoder = WekaAdapters.autoencoder(backend, bytes);
    }

    @Override
    public String toString() {
        if (encoder == null) {
            return "CAEOneClassSVM: not trained yet";
        }
        return "CAE-OC-SVM\n\n" + trainedOn() + "\nAutoencoder: " + encoder.describe() + "\nOn its codes: " + svm
                + "Score: " + calibrationSummary() + "\n";
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

    public static void main(String[] args) {
        runClassifier(new CAEOneClassSVM(), args);
    }
}
