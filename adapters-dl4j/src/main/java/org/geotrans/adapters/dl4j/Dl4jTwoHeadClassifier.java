package org.geotrans.adapters.dl4j;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.geotrans.domain.image.ImageBatch;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.TwoHeadClassifier;
import org.geotrans.domain.port.TwoHeadSoftmax;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained two-headed WRN. As {@link Dl4jTransformationClassifier}, it predicts with a copy in
 * the inference layout where that differs, in chunks whose arrays are freed at once.
 */
final class Dl4jTwoHeadClassifier implements TwoHeadClassifier {
    private final ComputationGraph inference;
    private final NetworkSpec spec;
    private final NetworkSpec inferenceSpec;
    private final int categories;
    private final String backend;

    Dl4jTwoHeadClassifier(ComputationGraph trained, NetworkSpec spec, int categories, String backend) {
        this.spec = spec;
        this.categories = categories;
        this.backend = backend;
        this.inferenceSpec = spec.forInference();
        if (inferenceSpec == spec) {
            this.inference = trained;
        } else {
            this.inference = WideResNet.createTwoHead(inferenceSpec, categories);
            inference.setParams(trained.params());
        }
    }

    @Override
    public ImageShape inputShape() {
        return spec.shape();
    }

    @Override
    public int categoryCount() {
        return categories;
    }

    @Override
    public int transformationCount() {
        return spec.classes();
    }

    // DL4J networks are not safe for concurrent forward passes.
    @Override
    public synchronized TwoHeadSoftmax predict(ImageBatch images) {
        if (!images.shape().equals(spec.shape())) {
            throw new IllegalArgumentException("images have shape " + images.shape() + ", the network expects " + spec.shape());
        }
        int count = images.count();
        int k = spec.classes();
        float[] categoryOut = new float[count * categories];
        float[] transformationOut = new float[count * k];
        int chunk = inferenceSpec.tuning().inferenceBatch();
        for (int from = 0; from < count; from += chunk) {
            int n = Math.min(chunk, count - from);
            try (INDArray input = NdArrays.features(images, from, n, inferenceSpec.format())) {
                INDArray[] outputs = inference.output(false, (MemoryWorkspace) null, input);
                try (INDArray category = outputs[0]; INDArray transformation = outputs[1]) {
                    copy(category, n, categories, categoryOut, from);
                    copy(transformation, n, k, transformationOut, from);
                }
            }
        }
        return new TwoHeadSoftmax(count, categories, k, categoryOut, transformationOut);
    }

    private static void copy(INDArray output, int n, int width, float[] target, int from) {
        float[] rows = output.reshape((long) n * width).toFloatVector();
        if (rows.length != n * width) {
            throw new IllegalStateException("network returned " + rows.length + " values for " + n + " images x " + width
                    + " outputs");
        }
        System.arraycopy(rows, 0, target, from * width, rows.length);
    }

    @Override
    public String describe() {
        return "two-headed " + spec.settings().networkName() + " on DL4J " + Dl4jTransformationClassifier.DL4J_VERSION + " ("
                + backend + ")";
    }
}
