package org.geotrans.adapters.libtorch;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.geotrans.domain.image.ImageBatch;

/**
 * Prediction over a batch of images in chunks of {@link LibtorchTuning#inferenceBatch()} images,
 * on the tuning's threads, each chunk without gradients and in its own {@link PointerScope}, so its
 * tensors are freed when it ends: what the caller keeps, it copies out of the chunk.
 */
final class InferenceChunks {
    private InferenceChunks() {
    }

    /** What to do with one chunk: its images as a tensor, and where they start in the batch. */
    @FunctionalInterface
    interface Chunk {
        void accept(Tensor images, int from, int count);
    }

    static void forEach(ImageBatch images, LibtorchTuning tuning, Chunk chunk) {
        LibtorchRuntime.useThreads(tuning.threads());
        int count = images.count();
        for (int from = 0; from < count; from += tuning.inferenceBatch()) {
            int n = Math.min(tuning.inferenceBatch(), count - from);
            try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
                chunk.accept(Tensors.images(images, from, n), from, n);
            }
        }
    }

    /** The softmax of {@code logits} row by row, taken in fp32 whatever the precision of the layers. */
    static float[] softmax(Tensor logits) {
        return Tensors.values(logits.to(ScalarType.Float).softmax(1));
    }
}
