package org.geotrans.adapters.weka;

import java.util.Arrays;
import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;
import libsvm.svm_problem;
import org.geotrans.adapters.libsvm.LibsvmOneClassSvm;
import weka.classifiers.AbstractClassifier;
import weka.core.Capabilities;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformationHandler;

/**
 * A One-Class SVM (LIBSVM, RBF kernel) that Weka can rank: trained on the normal class only, it
 * puts the continuous decision value, mapped into [0, 1] by its rank among the training decision
 * values ({@link NormalityCalibration}), in the normal class's slot. Stock LibSVM {@code -S 2}
 * returns only 0 or 1 there and refuses a binary class.
 */
public class OneClassSVM extends AbstractClassifier implements TechnicalInformationHandler {
    private static final long serialVersionUID = 1L;

    private String normalClass = NormalClass.FIRST;
    private double nu = 0.1;
    private double gamma = 0.0;

    private svm_model model;
    private NormalityCalibration calibration;
    private int normalIndex;
    private double usedGamma;
    private int trainingInstances;

    public String globalInfo() {
        return "One-Class SVM with an RBF kernel, K(x, y) = exp(-gamma |x - y|^2), on the numeric attributes as they"
                + " are (LIBSVM). Trains on the instances of the normal class only and ignores the others. The"
                + " normal class's probability is the continuous decision value mapped into [0, 1] by its rank among"
                + " the training decision values (strictly increasing, so Weka's ROC area ranks by the decision"
                + " value); the other classes share the remainder.\n\nFor more information see:\n\n"
                + getTechnicalInformation();
    }

    @Override
    public TechnicalInformation getTechnicalInformation() {
        TechnicalInformation info = new TechnicalInformation(TechnicalInformation.Type.ARTICLE);
        info.setValue(TechnicalInformation.Field.AUTHOR, "Bernhard Schoelkopf and John C. Platt and John Shawe-Taylor"
                + " and Alex J. Smola and Robert C. Williamson");
        info.setValue(TechnicalInformation.Field.TITLE, "Estimating the Support of a High-Dimensional Distribution");
        info.setValue(TechnicalInformation.Field.JOURNAL, "Neural Computation");
        info.setValue(TechnicalInformation.Field.VOLUME, "13");
        info.setValue(TechnicalInformation.Field.NUMBER, "7");
        info.setValue(TechnicalInformation.Field.PAGES, "1443-1471");
        info.setValue(TechnicalInformation.Field.YEAR, "2001");
        TechnicalInformation libsvm = info.add(TechnicalInformation.Type.MISC);
        libsvm.setValue(TechnicalInformation.Field.AUTHOR, "Chih-Chung Chang and Chih-Jen Lin");
        libsvm.setValue(TechnicalInformation.Field.TITLE, "LIBSVM - A Library for Support Vector Machines");
        libsvm.setValue(TechnicalInformation.Field.YEAR, "2001");
        libsvm.setValue(TechnicalInformation.Field.URL, "https://www.csie.ntu.edu.tw/~cjlin/libsvm/");
        return info;
    }

    @Override
    public Capabilities getCapabilities() {
        return NormalClass.detectorCapabilities(super.getCapabilities());
    }

    @Override
    public void buildClassifier(Instances data) throws Exception {
        getCapabilities().testWithFail(data);
        if (!(nu > 0 && nu <= 1)) {
            throw new IllegalArgumentException("nu must lie in (0, 1], got " + nu);
        }
        if (!(gamma >= 0) || !Double.isFinite(gamma)) {
            throw new IllegalArgumentException("gamma must be positive, or 0 for 1 / (attributes x variance), got " + gamma);
        }
        Instances train = new Instances(data);
        train.deleteWithMissingClass();
        int normal = NormalClass.resolve(normalClass, train.classAttribute());
        Instances normals = new Instances(train, train.numInstances());
        for (Instance instance : train) {
            if ((int) instance.classValue() == normal) {
                normals.add(instance);
            }
        }
        if (normals.isEmpty()) {
            throw new IllegalArgumentException("no training instances of the normal class '"
                    + train.classAttribute().value(normal) + "' among " + train.numInstances()
                    + " training instances with a class value");
        }
        svm_problem problem = new svm_problem();
        problem.l = normals.numInstances();
        problem.x = new svm_node[problem.l][];
        problem.y = new double[problem.l];
        for (int i = 0; i < problem.l; i++) {
            problem.x[i] = nodes(normals.instance(i));
            problem.y[i] = 1;
        }
        svm_parameter parameters = LibsvmOneClassSvm.oneClassParameters(svm_parameter.RBF, nu);
        parameters.gamma = gamma > 0 ? gamma : scaleGamma(normals);
        String problemText = svm.svm_check_parameter(problem, parameters);
        if (problemText != null) {
            throw new IllegalArgumentException("LIBSVM refuses the parameters: " + problemText);
        }
        svm.svm_set_print_string_function(getDebug() ? System.err::print : s -> { });
        svm_model trained = svm.svm_train(problem, parameters);
        double[] trainingValues = new double[problem.l];
        for (int i = 0; i < problem.l; i++) {
            trainingValues[i] = decisionValue(trained, problem.x[i]);
        }
        model = trained;
        calibration = NormalityCalibration.fit(trainingValues);
        normalIndex = normal;
        usedGamma = parameters.gamma;
        trainingInstances = problem.l;
    }

    /** 1 / (attributes x variance of all attribute values), the "scale" rule; 1 / attributes for constant data. */
    private static double scaleGamma(Instances normals) {
        double sum = 0;
        double sumSquares = 0;
        long count = 0;
        for (Instance instance : normals) {
            for (int a = 0; a < instance.numAttributes(); a++) {
                if (a != instance.classIndex()) {
                    double v = instance.value(a);
                    sum += v;
                    sumSquares += v * v;
                    count++;
                }
            }
        }
        int attributes = Math.max(1, normals.numAttributes() - 1);
        if (count == 0) {
            return 1.0 / attributes;
        }
        double mean = sum / count;
        double variance = sumSquares / count - mean * mean;
        return variance > 1e-12 ? 1.0 / (attributes * variance) : 1.0 / attributes;
    }

    private static svm_node[] nodes(Instance instance) {
        svm_node[] nodes = new svm_node[instance.numAttributes()];
        int n = 0;
        for (int a = 0; a < instance.numAttributes(); a++) {
            if (a != instance.classIndex()) {
                svm_node node = new svm_node();
                node.index = a + 1;
                node.value = instance.value(a);
                nodes[n++] = node;
            }
        }
        return Arrays.copyOf(nodes, n);
    }

    private static double decisionValue(svm_model trained, svm_node[] x) {
        double[] value = new double[1];
        svm.svm_predict_values(trained, x, value);
        return value[0];
    }

    @Override
    public double[] distributionForInstance(Instance instance) throws Exception {
        if (model == null) {
            throw new IllegalStateException("OneClassSVM has not been trained: call buildClassifier first");
        }
        double p = calibration.apply(decisionValue(model, nodes(instance)));
        int classes = instance.numClasses();
        double[] out = new double[classes];
        Arrays.fill(out, classes > 1 ? (1.0 - p) / (classes - 1) : 0.0);
        out[normalIndex] = classes > 1 ? p : 1.0;
        return out;
    }

    /** The continuous decision value (positive inside the support, higher = more normal). */
    public double decisionValue(Instance instance) {
        if (model == null) {
            throw new IllegalStateException("OneClassSVM has not been trained: call buildClassifier first");
        }
        return decisionValue(model, nodes(instance));
    }

    @Override
    public String toString() {
        if (model == null) {
            return "OneClassSVM: not trained yet";
        }
        return "One-Class SVM (LIBSVM, RBF kernel)\n\nnu = " + nu + ", gamma = " + usedGamma
                + (gamma > 0 ? "" : " (1 / (attributes x variance))") + "\n" + trainingInstances
                + " training instances of the normal class, " + model.l + " support vectors\n"
                + calibration.summary() + "\n";
    }

    @OptionMetadata(displayName = "normalClass", description = NormalClass.OPTION_DESCRIPTION,
            commandLineParamName = "normal", commandLineParamSynopsis = NormalClass.OPTION_SYNOPSIS, displayOrder = 1)
    public String getNormalClass() {
        return normalClass;
    }

    public void setNormalClass(String value) {
        normalClass = value;
    }

    @OptionMetadata(displayName = "nu", description = "Upper bound on the fraction of training outliers and lower bound"
            + " on the fraction of support vectors, in (0, 1] (default: 0.1).", commandLineParamName = "nu",
            commandLineParamSynopsis = "-nu <double>", displayOrder = 2)
    public double getNu() {
        return nu;
    }

    public void setNu(double value) {
        nu = value;
    }

    @OptionMetadata(displayName = "gamma", description = "RBF kernel coefficient; 0 for 1 / (attributes x variance of"
            + " the training values) (default: 0).", commandLineParamName = "gamma",
            commandLineParamSynopsis = "-gamma <double>", displayOrder = 3)
    public double getGamma() {
        return gamma;
    }

    public void setGamma(double value) {
        gamma = value;
    }

    public static void main(String[] args) {
        runClassifier(new OneClassSVM(), args);
    }
}
