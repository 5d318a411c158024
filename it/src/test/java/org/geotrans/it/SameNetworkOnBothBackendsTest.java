package org.geotrans.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.geotrans.adapters.dl4j.Dl4jWeightsAccess;
import org.geotrans.adapters.libtorch.LibtorchWeightsAccess;
import org.geotrans.domain.image.ImageBatch;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.ClassifierSettings;
import org.geotrans.domain.port.TransformationClassifier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The two backends build the same function: the DL4J network (Keras' "same" padding through
 * {@code ConvolutionMode.Same}, the reference's 8x8 pooling) with its weights copied into the
 * libtorch network predicts the same softmax. 8x8 and 64x64 images pad their strided
 * convolutions unevenly; 64x64 images reach the dense layer as 2x2 cells per channel. Batch norm
 * runs on non-trivial running statistics, set alike in both.
 */
class SameNetworkOnBothBackendsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"8x8x1", "32x32x3", "64x64x3"})
    void theDl4jNetworksWeightsInTheLibtorchNetworkPredictTheSame(String shapeText) {
        ImageShape shape = ImageShape.parse(shapeText);
        ClassifierSettings settings = new ClassifierSettings(10, 1, 1, 32, 1e-3, 0, 3);
        int classes = 6;
        TransformationClassifier dl4j = Dl4jWeightsAccess.untrained(shape, classes, settings);
        Map<String, float[]> parameters = Dl4jWeightsAccess.parameters(dl4j);
        SplittableRandom random = new SplittableRandom(11);
        // fresh running statistics (mean 0, variance 1) would hide a mismatch in their mapping
        for (Map.Entry<String, float[]> e : parameters.entrySet()) {
            if (e.getKey().endsWith("_mean") || e.getKey().endsWith("_beta")) {
                fill(e.getValue(), random, -0.3, 0.3);
            } else if (e.getKey().endsWith("_gamma")) {
                fill(e.getValue(), random, 0.5, 1.5);
            } else if (e.getKey().endsWith("_log10stdev")) {
                fill(e.getValue(), random, -0.15, 0.09); // variances about 0.5 to 1.5
            }
        }
        Dl4jWeightsAccess.setParameters(dl4j, parameters);
        TransformationClassifier libtorch = LibtorchWeightsAccess.withWeights(shape, classes, settings,
                (name, tensorShape) -> libtorchValues(parameters, name, tensorShape));
        ImageBatch images = randomImages(shape, 5, random);

        float[] expected = dl4j.predictSoftmax(images);
        float[] actual = libtorch.predictSoftmax(images);

        assertEquals(5 * classes, actual.length);
        assertArrayEquals(expected, actual, 2e-4f);
    }

    /** The libtorch tensor {@code name} from DL4J's parameters. */
    private static float[] libtorchValues(Map<String, float[]> dl4j, String name, long[] shape) {
        if (name.equals("dense.kernel")) {
            // DL4J's W is [features, outputs]; libtorch's [outputs, features]
            float[] w = require(dl4j, Dl4jWeightsAccess.outputLayer() + "_W");
            int outputs = (int) shape[0];
            int features = (int) shape[1];
            assertEquals((long) outputs * features, w.length, name);
            float[] t = new float[w.length];
            for (int f = 0; f < features; f++) {
                for (int o = 0; o < outputs; o++) {
                    t[o * features + f] = w[f * outputs + o];
                }
            }
            return t;
        }
        if (name.equals("dense.bias")) {
            return require(dl4j, Dl4jWeightsAccess.outputLayer() + "_b");
        }
        String[] parts = name.split("\\.");
        String param = parts[parts.length - 1];
        String layer = switch (parts.length) {
            case 2 -> parts[0];                                   // stem.kernel
            case 3 -> parts[0].equals("final") ? "final_bn"       // final.bn.gamma
                    : parts[0] + "_" + parts[1];                  // g1b1.conv1.kernel
            default -> throw new AssertionError(name);
        };
        layer = layer.replace("_bn1", "_1_bn").replace("_bn2", "_2_bn");
        if (param.equals("var")) {
            // DL4J keeps log10(sqrt(variance + epsilon)); both backends' epsilon is Keras' 1e-5
            float[] log10Std = require(dl4j, layer + "_log10stdev");
            float[] variance = new float[log10Std.length];
            for (int i = 0; i < variance.length; i++) {
                variance[i] = (float) (Math.pow(10, 2.0 * log10Std[i]) - 1e-5);
            }
            return variance;
        }
        return require(dl4j, layer + "_" + (param.equals("kernel") ? "W" : param));
    }

    private static float[] require(Map<String, float[]> dl4j, String key) {
        float[] values = dl4j.get(key);
        assertTrue(values != null, "DL4J has no parameter " + key + "; it has " + dl4j.keySet());
        return values;
    }

    private static void fill(float[] values, SplittableRandom random, double from, double to) {
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble(from, to);
        }
    }

    private static ImageBatch randomImages(ImageShape shape, int count, SplittableRandom random) {
        float[] data = new float[count * shape.size()];
        fill(data, random, -1, 1);
        return new ImageBatch(shape, count, data);
    }
}
