package org.geotrans.adapters.libtorch.baselines;

import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.geotrans.adapters.libtorch.Tensors;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.port.ProgressStage;
import org.geotrans.domain.port.TrainingProgress;

/**
 * A network's outputs for many images: batches of {@link BaselineRuntime#inferenceBatch()}, each
 * without autograd and in its own {@link PointerScope}, so native memory stays at one batch's.
 */
final class BatchedInference {
    private BatchedInference() {
    }

    /**
     * One row of values per image: {@code forward} maps a batch of NCHW images to a tensor whose
     * first dimension is the batch (further dimensions are flattened into the row).
     *
     * @throws IllegalArgumentException when an image's shape is not {@code shape}
     */
    static float[][] rows(List<Image> images, ImageShape shape, UnaryOperator<Tensor> forward,
                          ProgressListener progress) {
        BaselineRuntime.start();
        int batch = BaselineRuntime.inferenceBatch();
        float[][] out = new float[images.size()][];
        for (int from = 0; from < out.length; from += batch) {
            int count = Math.min(batch, out.length - from);
            try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
                float[] values = Tensors.values(forward.apply(ImageTensors.slice(images, from, count, shape)));
                int width = values.length / count;
                for (int i = 0; i < count; i++) {
                    out[from + i] = Arrays.copyOfRange(values, i * width, (i + 1) * width);
                }
            }
            progress.onProgress(new TrainingProgress(ProgressStage.SCORE, 0, 0, from + count, out.length, Double.NaN,
                    Double.NaN, -1));
        }
        return out;
    }
}
