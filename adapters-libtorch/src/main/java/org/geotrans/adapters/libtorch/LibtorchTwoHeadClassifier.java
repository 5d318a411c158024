package org.geotrans.adapters.libtorch;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch.ScalarType;
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
        LibtorchRuntime.useThreads(tuning.threads());
        int count = images.count();
        int c = categoryCount();
        int k = transformationCount();
        float[] categories = new float[count * c];
        float[] transformations = new float[count * k];
        for (int from = 0; from < count; from += tuning.inferenceBatch()) {
            int n = Math.min(tuning.inferenceBatch(), count - from);
            try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
                Tensor batch = Tensors.images(images, from, n);
                Tensor[] logits = LibtorchRuntime.withPrecision(tuning.precision(), () -> network.twoHeadLogits(batch, false));
                System.arraycopy(Tensors.values(logits[0].to(ScalarType.Float).softmax(1)), 0, transformations, from * k, n * k);
                System.arraycopy(Tensors.values(logits[1].to(ScalarType.Float).softmax(1)), 0, categories, from * c, n * c);
            }
        }
        return new TwoHeadSoftmax(count, c, k, categories, transformations);
    }

    @Override
    public String describe() {
        return "two-headed " + network.spec().settings().networkName() + " on " + LibtorchRuntime.describe(tuning);
    }
}
