package org.geotrans.adapters.libtorch;

import java.io.IOException;
import java.io.OutputStream;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.geotrans.domain.image.ImageBatch;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.ClassifierBackend;
import org.geotrans.domain.port.InputGradients;
import org.geotrans.domain.port.TransformationClassifier;

/**
 * A trained WRN, immutable once built. Prediction runs without gradients, in chunks of
 * {@link LibtorchTuning#inferenceBatch()} images, each in its own {@link PointerScope}; the softmax
 * is taken in fp32 from the logits whatever the precision of the layers.
 */
final class LibtorchTransformationClassifier implements TransformationClassifier, InputGradients {
    private final WideResNet network;
    private final LibtorchTuning tuning;

    LibtorchTransformationClassifier(WideResNet network, LibtorchTuning tuning) {
        this.network = network;
        this.tuning = tuning;
    }

    WideResNet network() {
        return network;
    }

    LibtorchTuning tuning() {
        return tuning;
    }

    @Override
    public ImageShape inputShape() {
        return network.spec().shape();
    }

    @Override
    public int transformationCount() {
        return network.spec().classes();
    }

    // autocast and grad mode are per thread, the network's running statistics are shared: one caller at a time
    @Override
    public synchronized float[] predictSoftmax(ImageBatch transformedImages) {
        if (!transformedImages.shape().equals(inputShape())) {
            throw new IllegalArgumentException("images have shape " + transformedImages.shape()
                    + ", the classifier expects " + inputShape());
        }
        int k = transformationCount();
        float[] result = new float[transformedImages.count() * k];
        InferenceChunks.forEach(transformedImages, tuning, (images, from, n) -> {
            float[] rows = InferenceChunks.softmax(LibtorchRuntime.withPrecision(tuning.precision(),
                    () -> network.logits(images, false)));
            if (rows.length != n * k) {
                throw new IllegalStateException("network returned " + rows.length + " values for " + n
                        + " images x " + k + " transformations");
            }
            System.arraycopy(rows, 0, result, from * k, rows.length);
        });
        return result;
    }

    /**
     * Autograd through the network in fp32 (the gradient's precision matters more than its speed
     * here), batch norm on its running statistics. The weights stop recording gradients meanwhile,
     * so the trained network keeps no gradient buffers of its own.
     */
    @Override
    public synchronized float[] softmaxGradient(ImageBatch transformedImages, int[] classes) {
        InputGradients.checkRequest(transformedImages, classes, inputShape(), transformationCount());
        LibtorchRuntime.useThreads(tuning.threads());
        ImageShape shape = inputShape();
        int count = transformedImages.count();
        float[] result = new float[count * shape.size()];
        network.trainable().forEach(e -> e.tensor().requires_grad_(false));
        try {
            for (int from = 0; from < count; from += tuning.inferenceBatch()) {
                int n = Math.min(tuning.inferenceBatch(), count - from);
                try (PointerScope scope = new PointerScope()) {
                    Tensor nhwc = Tensors.copyOf(transformedImages.data(), from * shape.size(), n, shape.height(),
                            shape.width(), shape.channels()).requires_grad_(true);
                    Tensor softmax = network.logits(nhwc.permute(0, 3, 1, 2), false).softmax(1);
                    int[] picked = java.util.Arrays.copyOfRange(classes, from, from + n);
                    softmax.gather(1, Tensors.labels(picked).unsqueeze(1)).sum().backward();
                    float[] gradient = Tensors.values(nhwc.grad());
                    System.arraycopy(gradient, 0, result, from * shape.size(), gradient.length);
                }
            }
        } finally {
            network.trainable().forEach(e -> e.tensor().requires_grad_(true));
        }
        return result;
    }

    @Override
    public void save(OutputStream out) throws IOException {
        ModelFile.write(this, out);
    }

    @Override
    public ClassifierBackend backend() {
        return ClassifierBackend.LIBTORCH;
    }

    @Override
    public String describe() {
        return network.spec().settings().networkName() + " on " + LibtorchRuntime.describe(tuning);
    }
}
