package org.geotrans.adapters.dl4j;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.ClassifierSettings;
import org.geotrans.domain.port.TransformationClassifier;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Test access, for {@code org.geotrans.it.SameNetworkOnBothBackendsTest}, to a freshly initialised
 * DL4J Wide ResNet (NCHW) and its parameters by DL4J's names ({@code layer_param}), each in C order.
 */
public final class Dl4jWeightsAccess {
    private Dl4jWeightsAccess() {
    }

    public static TransformationClassifier untrained(ImageShape shape, int classes, ClassifierSettings settings) {
        NetworkSpec spec = new NetworkSpec(shape, classes, settings, Dl4jTuning.DEFAULT.withFormat(CNN2DFormat.NCHW));
        return new Dl4jTransformationClassifierProvider().untrained(spec);
    }

    public static Map<String, float[]> parameters(TransformationClassifier classifier) {
        Map<String, float[]> values = new LinkedHashMap<>();
        for (Map.Entry<String, INDArray> e : ((Dl4jTransformationClassifier) classifier).network().paramTable().entrySet()) {
            values.put(e.getKey(), e.getValue().dup('c').data().asFloat());
        }
        return values;
    }

    /** Sets the parameters {@link #parameters} gave (changed or not), by name. */
    public static void setParameters(TransformationClassifier classifier, Map<String, float[]> values) {
        for (Map.Entry<String, INDArray> e : ((Dl4jTransformationClassifier) classifier).network().paramTable().entrySet()) {
            INDArray target = e.getValue();
            target.assign(org.nd4j.linalg.factory.Nd4j.create(values.get(e.getKey()), target.shape(), 'c'));
        }
    }

    /** DL4J's name of the output layer, whose {@code W} is [features, outputs]. */
    public static String outputLayer() {
        return WideResNet.OUTPUT;
    }
}
