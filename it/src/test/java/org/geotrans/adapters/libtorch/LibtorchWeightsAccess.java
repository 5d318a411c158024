package org.geotrans.adapters.libtorch;

import java.util.List;
import java.util.function.BiFunction;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.ClassifierSettings;
import org.geotrans.domain.port.TransformationClassifier;

/**
 * Test access, for {@code org.geotrans.it.SameNetworkOnBothBackendsTest}, to a libtorch Wide
 * ResNet of today's revision whose every tensor is set from outside, in fp32.
 */
public final class LibtorchWeightsAccess {
    private LibtorchWeightsAccess() {
    }

    /**
     * @param values gives each tensor's values (logical NCHW order) from its name and shape
     */
    public static TransformationClassifier withWeights(ImageShape shape, int classes, ClassifierSettings settings,
                                                       BiFunction<String, long[], float[]> values) {
        WideResNet network = new WideResNet(new NetworkSpec(shape, classes, settings));
        for (WideResNet.Entry e : network.entries()) {
            Tensors.assign(e.tensor(), values.apply(e.name(), e.shape()));
        }
        return new LibtorchTransformationClassifier(network, LibtorchTuning.of(Precision.FP32));
    }

    public static List<String> tensorNames(ImageShape shape, int classes, ClassifierSettings settings) {
        try (WideResNet network = new WideResNet(new NetworkSpec(shape, classes, settings))) {
            return network.entries().stream().map(WideResNet.Entry::name).toList();
        }
    }
}
