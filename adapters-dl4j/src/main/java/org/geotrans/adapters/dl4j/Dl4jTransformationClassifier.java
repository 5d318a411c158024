package org.geotrans.adapters.dl4j;

import java.io.IOException;
import java.io.OutputStream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.geotrans.domain.image.ImageBatch;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.ClassifierBackend;
import org.geotrans.domain.port.InputGradients;
import org.geotrans.domain.port.TransformationClassifier;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained WRN, immutable once built: training happens before construction. Prediction runs in
 * chunks of {@link Dl4jTuning#inferenceBatch()} images; each chunk's input and (detached) output
 * are freed at once rather than left to the garbage collector.
 */
final class Dl4jTransformationClassifier implements TransformationClassifier, InputGradients {
    static final String DL4J_VERSION = "1.0.0-M2.1";

    private final ComputationGraph network;
    private final NetworkSpec spec;
    private final String backend;
    private final ComputationGraph inference;
    private final NetworkSpec inferenceSpec;
    /** Built on the first gradient asked for: most uses never need it. */
    private FoldedNormalization folded;

    /** Wraps a trained network; where the inference layout differs, predicts with a copy in that layout. */
    Dl4jTransformationClassifier(ComputationGraph network, NetworkSpec spec, String backend) {
        this.network = network;
        this.spec = spec;
        this.backend = backend;
        this.inferenceSpec = spec.forInference();
        if (inferenceSpec == spec) {
            this.inference = network;
        } else {
            this.inference = WideResNet.create(inferenceSpec);
            inference.setParams(network.params());
        }
    }

    @Override
    public ImageShape inputShape() {
        return spec.shape();
    }

    @Override
    public int transformationCount() {
        return spec.classes();
    }

    NetworkSpec spec() {
        return spec;
    }

    ComputationGraph network() {
        return network;
    }

    // DL4J networks are not safe for concurrent forward passes.
    @Override
    public synchronized float[] predictSoftmax(ImageBatch transformedImages) {
        if (!transformedImages.shape().equals(spec.shape())) {
            throw new IllegalArgumentException("images have shape " + transformedImages.shape()
                    + ", the classifier expects " + spec.shape());
        }
        int count = transformedImages.count();
        int k = spec.classes();
        float[] result = new float[count * k];
        int chunk = inferenceSpec.tuning().inferenceBatch();
        for (int from = 0; from < count; from += chunk) {
            int n = Math.min(chunk, count - from);
            int offset = from * k;
            try (INDArray input = NdArrays.features(transformedImages, from, n, inferenceSpec.format());
                 INDArray output = inference.output(false, (MemoryWorkspace) null, input)[0]) {
                float[] rows = output.reshape((long) n * k).toFloatVector();
                if (rows.length != n * k) {
                    throw new IllegalStateException("network returned " + rows.length + " values for " + n
                            + " images x " + k + " transformations");
                }
                System.arraycopy(rows, 0, result, offset, rows.length);
            }
        }
        return result;
    }

    @Override
    public synchronized float[] softmaxGradient(ImageBatch transformedImages, int[] classes) {
        InputGradients.checkRequest(transformedImages, classes, spec.shape(), transformationCount());
        if (folded == null) {
            folded = FoldedNormalization.of(network, spec);
        }
        return folded.softmaxGradient(transformedImages, classes);
    }

    @Override
    public void save(OutputStream out) throws IOException {
        ModelFile.write(this, out);
    }

    @Override
    public ClassifierBackend backend() {
        return ClassifierBackend.DL4J;
    }

    @Override
    public String describe() {
        return spec.settings().networkName() + " on DL4J " + DL4J_VERSION + " (" + backend + ")";
    }
}
