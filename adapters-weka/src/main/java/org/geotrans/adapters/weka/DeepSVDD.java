package org.geotrans.adapters.weka;

import java.util.List;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.port.BaselineTraining;
import org.geotrans.domain.port.ClassifierBackend;
import org.geotrans.domain.port.ImageDetector;
import org.geotrans.domain.port.ProgressListener;
import weka.core.TechnicalInformation;

/**
 * One-Class Deep SVDD (Ruff et al., ICML 2018; the GeoTrans paper's E2E-OC-SVM) for Weka: trained
 * on the normal class only, it puts minus the squared distance to the hypersphere's centre,
 * mapped into [0, 1] by its rank among the training scores ({@link NormalityCalibration}), in the
 * normal class's slot.
 */
public class DeepSVDD extends DeepImageBaseline {
    private static final long serialVersionUID = 2L;

    /** The trained network; Java serialization writes it as its backend's bytes. */
    private transient ImageDetector detector;

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
    protected String detectorName() {
        return "Deep SVDD";
    }

    @Override
    protected double[] train(List<Image> normal, int epochs, int seed, ClassifierBackend backend) {
        detector = null;
        ImageDetector trained = WekaAdapters.deepSvdd(backend).train(normal, BaselineTraining.deepSvdd(epochs, seed),
                ProgressListener.SILENT);
        double[] scores = trained.scores(normal, ProgressListener.SILENT);
        detector = trained;
        return scores;
    }

    @Override
    protected boolean isTrained() {
        return detector != null;
    }

    /** Minus the squared distance of each image's representation to the centre, higher = more normal. */
    @Override
    protected double[] score(List<Image> prepared) {
        return detector.scores(prepared, ProgressListener.SILENT);
    }

    @Override
    protected byte[] networkBytes() {
        return WekaAdapters.deepSvddBytes(detector);
    }

    @Override
    protected void restoreNetwork(byte[] bytes, ClassifierBackend backend) {
        detector = WekaAdapters.deepSvdd(backend, bytes);
    }

    @Override
    public String toString() {
        if (detector == null) {
            return "DeepSVDD: not trained yet";
        }
        return "One-Class Deep SVDD (Ruff et al., ICML 2018)\n\n" + trainedOn() + "\nNetwork: " + detector.describe()
                + "\nScore: minus the squared distance to the centre, " + calibrationSummary() + "\n";
    }

    public static void main(String[] args) {
        runClassifier(new DeepSVDD(), args);
    }
}
