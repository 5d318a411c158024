package org.geotrans.adapters.libtorch;

import static org.bytedeco.pytorch.global.torch.from_blob;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch.MemoryFormat;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.geotrans.domain.image.ImageBatch;

/**
 * Copies between Java arrays and tensors; every tensor returned owns its memory. Public for the
 * deep baselines of adapters-libtorch-baselines, which cross the same boundary.
 */
public final class Tensors {
    private Tensors() {
    }

    /** A float tensor of {@code shape} holding a copy of {@code values} (row-major). */
    public static Tensor copyOf(float[] values, int offset, long... shape) {
        long count = count(shape);
        try (FloatPointer buffer = new FloatPointer(count)) {
            buffer.put(values, offset, (int) count);
            try (Tensor view = from_blob(buffer, shape)) {
                return view.clone();
            }
        }
    }

    /** A long tensor holding a copy of {@code values}. */
    public static Tensor labels(int[] values) {
        long[] wide = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            wide[i] = values[i];
        }
        try (LongPointer buffer = new LongPointer(wide);
             TensorOptions options = new TensorOptions(ScalarType.Long);
             Tensor view = from_blob(buffer, new long[] {values.length}, options)) {
            return view.clone();
        }
    }

    /**
     * Images {@code from .. from + count} of an NHWC batch as an NCHW tensor whose memory is
     * channels-last: the NHWC array already is that layout, so only the view is permuted.
     */
    public static Tensor images(ImageBatch batch, int from, int count) {
        int h = batch.shape().height();
        int w = batch.shape().width();
        int c = batch.shape().channels();
        try (Tensor nhwc = copyOf(batch.data(), from * batch.shape().size(), count, h, w, c)) {
            return nhwc.permute(0, 3, 1, 2);
        }
    }

    /** The values of {@code tensor} in row-major order of its logical shape, as fp32. */
    public static float[] values(Tensor tensor) {
        int count = (int) tensor.numel();
        float[] result = new float[count];
        try (FloatPointer buffer = new FloatPointer(count);
             Tensor target = from_blob(buffer, new long[] {count});
             Tensor flat = tensor.reshape(count)) {
            target.copy_(flat);
            buffer.get(result);
        }
        return result;
    }

    /** Overwrites {@code tensor} (no gradient recorded) with {@code values} in row-major order. */
    public static void assign(Tensor tensor, float[] values) {
        if (values.length != tensor.numel()) {
            throw new IllegalArgumentException("tensor has " + tensor.numel() + " values, got " + values.length);
        }
        try (NoGradGuard noGrad = new NoGradGuard();
             Tensor source = copyOf(values, 0, tensor.sizes().vec().get())) {
            tensor.copy_(source);
        }
    }

    /** A channels-last copy of a 4-D tensor; other tensors come back as they are (a new reference). */
    public static Tensor channelsLast(Tensor tensor) {
        return tensor.dim() == 4 ? tensor.contiguous(MemoryFormat.ChannelsLast) : tensor.contiguous();
    }

    private static long count(long[] shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return n;
    }
}
