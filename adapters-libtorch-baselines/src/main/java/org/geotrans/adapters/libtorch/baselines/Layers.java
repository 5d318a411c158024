package org.geotrans.adapters.libtorch.baselines;

import static org.bytedeco.pytorch.global.torch.batch_norm;
import static org.bytedeco.pytorch.global.torch.conv2d;
import static org.bytedeco.pytorch.global.torch.conv_transpose2d;
import static org.bytedeco.pytorch.global.torch.linear;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.geotrans.adapters.libtorch.baselines.NetworkTensors.Kind;

/**
 * The layers the baselines are built of, as libtorch functional operators over tensors of a
 * {@link NetworkTensors}: each factory creates its tensors there under {@code name} + a suffix
 * ({@code .kernel}, {@code .bias}, {@code .gamma}, {@code .beta}, {@code .mean}, {@code .var}).
 *
 * <p>Padding is symmetric ({@code (kernel - 1) / 2} on every side), where Keras' "same" pads a
 * stride-2 convolution only at the bottom and right: the same output shapes and parameters, the
 * sampling grid one pixel apart. A stride-s transposed convolution adds {@code s - 1} rows and
 * columns of output padding so that it multiplies the side by s, as Keras' "same" does.
 */
final class Layers {
    /** Keras' batch norm momentum 0.99, in PyTorch's convention (the weight of the new batch). */
    static final double KERAS_BN_MOMENTUM = 0.01;
    /** Keras' batch norm epsilon. */
    static final double KERAS_BN_EPSILON = 1e-3;

    private Layers() {
    }

    /** A 2-D convolution; {@code bias} may be null. Weight (out, in, k, k). */
    record Conv(Tensor weight, Tensor bias, long stride, long padding) {
        Tensor apply(Tensor x) {
            return conv2d(x, weight, optional(bias), new long[] {stride, stride}, new long[] {padding, padding},
                    new long[] {1, 1}, 1);
        }
    }

    /** A 2-D transposed convolution; {@code bias} may be null. Weight (in, out, k, k) as PyTorch's. */
    record TransposedConv(Tensor weight, Tensor bias, long stride, long padding) {
        Tensor apply(Tensor x) {
            return conv_transpose2d(x, weight, optional(bias), new long[] {stride, stride}, new long[] {padding, padding},
                    new long[] {stride - 1, stride - 1}, 1, 1, 1);
        }
    }

    /** A dense layer over rows; {@code bias} may be null. Weight (out, in). */
    record Dense(Tensor weight, Tensor bias) {
        Tensor apply(Tensor x) {
            return linear(x, weight, optional(bias));
        }
    }

    /**
     * Batch normalisation over the channels of NCHW maps or the features of rows; {@code gamma}
     * and {@code beta} are null without the affine step. Training normalises with the batch's
     * moments and updates the running ones in place; inference uses the running ones. The running
     * variance follows PyTorch: it is fed the unbiased batch variance, where Keras feeds the biased
     * one (a factor n / (n - 1), n the values per channel in the batch).
     */
    record BatchNorm(Tensor gamma, Tensor beta, Tensor mean, Tensor var, double momentum, double epsilon) {
        Tensor apply(Tensor x, boolean training) {
            return batch_norm(x, optional(gamma), optional(beta), new TensorOptional(mean), new TensorOptional(var),
                    training, momentum, epsilon, true);
        }
    }

    /** A square {@code kernel} convolution from {@code in} to {@code out} channels, Glorot-uniform. */
    static Conv conv(NetworkTensors t, String name, int in, int out, int kernel, int stride, boolean withBias) {
        long area = (long) kernel * kernel;
        Tensor weight = t.glorotUniform(name + ".kernel", area * in, area * out, out, in, kernel, kernel);
        Tensor bias = withBias ? t.filled(name + ".bias", Kind.BIAS, 0f, out) : null;
        return new Conv(weight, bias, stride, (kernel - 1) / 2);
    }

    /** A square {@code kernel} transposed convolution from {@code in} to {@code out} channels, with bias. */
    static TransposedConv transposedConv(NetworkTensors t, String name, int in, int out, int kernel, int stride) {
        long area = (long) kernel * kernel;
        Tensor weight = t.glorotUniform(name + ".kernel", area * in, area * out, in, out, kernel, kernel);
        Tensor bias = t.filled(name + ".bias", Kind.BIAS, 0f, out);
        return new TransposedConv(weight, bias, stride, (kernel - 1) / 2);
    }

    /** A dense layer from {@code in} to {@code out} features, Glorot-uniform. */
    static Dense dense(NetworkTensors t, String name, int in, int out, boolean withBias) {
        Tensor weight = t.glorotUniform(name + ".kernel", in, out, out, in);
        Tensor bias = withBias ? t.filled(name + ".bias", Kind.BIAS, 0f, out) : null;
        return new Dense(weight, bias);
    }

    /** Batch norm as Keras' defaults: affine, momentum 0.99, epsilon 1e-3. */
    static BatchNorm kerasBatchNorm(NetworkTensors t, String name, int channels) {
        return new BatchNorm(t.filled(name + ".gamma", Kind.BN_GAMMA, 1f, channels),
                t.filled(name + ".beta", Kind.BN_BETA, 0f, channels), runningMean(t, name, channels),
                runningVar(t, name, channels), KERAS_BN_MOMENTUM, KERAS_BN_EPSILON);
    }

    /** Batch norm without gamma and beta (PyTorch's {@code affine=False}). */
    static BatchNorm plainBatchNorm(NetworkTensors t, String name, int channels, double momentum, double epsilon) {
        return new BatchNorm(null, null, runningMean(t, name, channels), runningVar(t, name, channels), momentum, epsilon);
    }

    private static Tensor runningMean(NetworkTensors t, String name, int channels) {
        return t.filled(name + ".mean", Kind.BN_MEAN, 0f, channels);
    }

    private static Tensor runningVar(NetworkTensors t, String name, int channels) {
        return t.filled(name + ".var", Kind.BN_VAR, 1f, channels);
    }

    private static TensorOptional optional(Tensor tensor) {
        return tensor == null ? new TensorOptional() : new TensorOptional(tensor);
    }
}
