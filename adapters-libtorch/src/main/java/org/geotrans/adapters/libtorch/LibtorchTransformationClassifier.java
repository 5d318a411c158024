package org.geotrans.adapters.libtorch;

import java.io.IOException;
import java.io.OutputStream;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.geotrans.domain.image.ImageBatch;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.ClassifierBackend;
import org.geotrans.domain.port.TransformationClassifier;

/**
 * A trained WRN, immutable once built. Prediction runs without gradients, in chunks of
 * {@link LibtorchTuning#inferenceBatch()} images, each in its own {@link PointerScope}; the softmax
 * is taken in fp32 from the logits whatever the precision of the layers.
 */
final class LibtorchTransformationClassifier implements TransformationClassifier {
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
        LibtorchRuntime.useThreads(tuning.threads());
        int count = transformedImages.count();
        int k = transformationCount();
        float[] result = new float[count * k];
        for (int from = 0; from < count; from += tuning.inferenceBatch()) {
            int n = Math.min(tuning.inferenceBatch(), count - from);
            try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
                Tensor images = Tensors.images(transformedImages, from, n);
                Tensor softmax = LibtorchRuntime.withPrecision(tuning.precision(),
                        () -> network.logits(images, false)).to(ScalarType.Float).softmax(1);
                float[] rows = Tensors.values(softmax);
                if (rows.length != n * k) {
                    throw new IllegalStateException("network returned " + rows.length + " values for " + n
                            + " images x " + k + " transformations");
                }
                System.arraycopy(rows, 0, result, from * k, rows.length);
            }
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
