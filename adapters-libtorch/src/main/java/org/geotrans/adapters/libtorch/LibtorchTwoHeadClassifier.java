package org.geotrans.adapters.libtorch;

import org.bytedeco.pytorch.Tensor;
import org.geotrans.domain.image.ImageBatch;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.TwoHeadClassifier;
import org.geotrans.domain.port.TwoHeadSoftmax;

/** A trained two-headed WRN on libtorch: both softmaxes from one forward pass, batch norm on its running statistics. */
final class LibtorchTwoHeadClassifier implements TwoHeadClassifier {
    private final WideResNet network;
    private final LibtorchTuning tuning;

    LibtorchTwoHeadClassifier(WideResNet network, LibtorchTuning tuning) {
        this.network = network;
        this.tuning = tuning;
    }

    @Override
    public ImageShape inputShape() {
        return network.spec().shape();
    }

    @Override
    public int categoryCount() {
        return network.categories();
    }

    @Override
    public int transformationCount() {
        return network.spec().classes();
    }

    @Override
    public synchronized TwoHeadSoftmax predict(ImageBatch images) {
        if (!images.shape().equals(inputShape())) {
            throw new IllegalArgumentException("images have shape " + images.shape() + ", the network expects " + inputShape());
        }
        int count = images.count();
        int c = categoryCount();
        int k = transformationCount();
        float[] categories = new float[count * c];
        float[] transformations = new float[count * k];
        InferenceChunks.forEach(images, tuning, (batch, from, n) -> {
            Tensor[] logits = LibtorchRuntime.withPrecision(tuning.precision(), () -> network.twoHeadLogits(batch, false));
            System.arraycopy(InferenceChunks.softmax(logits[0]), 0, transformations, from * k, n * k);
            System.arraycopy(InferenceChunks.softmax(logits[1]), 0, categories, from * c, n * c);
        });
        return new TwoHeadSoftmax(count, c, k, categories, transformations);
    }

    @Override
    public String describe() {
        return "two-headed " + network.spec().settings().networkName() + " on " + LibtorchRuntime.describe(tuning);
    }
}
