package org.geotrans.adapters.libtorch;

import static org.bytedeco.pytorch.global.torch.adaptive_avg_pool2d;
import static org.bytedeco.pytorch.global.torch.add;
import static org.bytedeco.pytorch.global.torch.avg_pool2d;
import static org.bytedeco.pytorch.global.torch.batch_norm;
import static org.bytedeco.pytorch.global.torch.constant_pad_nd;
import static org.bytedeco.pytorch.global.torch.conv2d;
import static org.bytedeco.pytorch.global.torch.flatten;
import static org.bytedeco.pytorch.global.torch.linear;
import static org.bytedeco.pytorch.global.torch.relu_;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.geotrans.domain.port.ClassifierSettings;

/**
 * WRN-depth-k as in the paper's reference code and the DL4J adapter: pre-activation basic blocks,
 * a 1x1 projection shortcut from the first BN-ReLU output where the channel count or stride
 * changes, groups of 16k, 32k, 64k channels at strides 1, 2, 2 after a 16-channel stem, a final
 * BN-ReLU, the reference's 8x8 average pooling and flatten and a dense layer over the
 * transformations (softmax applied by the callers). Written with libtorch's functional operators over tensors this class owns, so the
 * parameters, their order in the model file and their initialisation are all explicit.
 *
 * <p>Initialisation, from the user's seed alone: convolution kernels He normal N(0, 2 / fan_in)
 * (DL4J's {@code WeightInit.RELU}), the dense kernel U(-1/sqrt(fan_in), 1/sqrt(fan_in)), the dense
 * bias zero, batch norm gamma 1 and beta 0. Padding is Keras' "same", which pads a strided 3x3
 * convolution of an even side only at the bottom and the right; networks of format 1 files pad
 * symmetrically and pool globally ({@link NetworkRevision}).
 */
final class WideResNet implements AutoCloseable {
    static final double BN_MOMENTUM = 0.1; // PyTorch's convention: DL4J's decay 0.9
    static final double BN_EPSILON = 1e-5;
    private static final long SEED_SALT = 0x5DEECE66DL;

    /** What a parameter is, which decides its initialisation and whether L2 applies to it. */
    enum Kind {
        CONV_KERNEL(true), BN_GAMMA(true), BN_BETA(true), DENSE_KERNEL(true), DENSE_BIAS(true), BN_MEAN(false), BN_VAR(false);

        final boolean decayed;

        Kind(boolean decayed) {
            this.decayed = decayed;
        }

        boolean trainable() {
            return this != BN_MEAN && this != BN_VAR;
        }
    }

    /** A named tensor of the network, trainable or a batch norm running statistic. */
    record Entry(String name, Kind kind, long[] shape, Tensor tensor) {
    }

    /**
     * Whether training runs strided 3x3 convolutions in fp32 under bf16 autocast (see {@link Conv}).
     * Off by default: on the quiet machine bf16 trained faster (BENCHMARK.md); under heavy load the
     * fp32 route had won. {@code -Dgeotrans.libtorch.stridedConvFp32=true} turns it on.
     */
    private static final boolean STRIDED_IN_FP32 =
            Boolean.parseBoolean(System.getProperty("geotrans.libtorch.stridedConvFp32", "false"));

    /**
     * Whether images and kernels are channels-last (the default) or plain NCHW. PyTorch 1.13 on
     * this CPU trained faster in NCHW and inferred faster channels-last (BENCHMARK.md);
     * {@code -Dgeotrans.libtorch.layout=nchw} measures the other layout. Only the memory layout
     * changes: values, model files and checkpoints are the same.
     */
    private static final boolean CHANNELS_LAST =
            !"nchw".equalsIgnoreCase(System.getProperty("geotrans.libtorch.layout", "nhwc"));

    /** The memory layout in use, for benchmark lines. */
    static String layout() {
        return CHANNELS_LAST ? "channels-last" : "NCHW";
    }

    private record Conv(Tensor weight, int stride, int kernel, NetworkRevision revision) {
        Tensor apply(Tensor x) {
            return convolve(x, weight, stride, revision);
        }

        /**
         * With {@link #STRIDED_IN_FP32}, a strided 3x3 convolution trains in fp32 even under bf16
         * autocast: under heavy load oneDNN's bf16 kernel for its weight gradient took most of a
         * bf16 step. Inference keeps bf16 either way.
         */
        Tensor apply(Tensor x, boolean training) {
            if (training && STRIDED_IN_FP32 && stride > 1 && kernel > 1) {
                return LibtorchRuntime.inFp32(() -> apply(x.to(ScalarType.Float)));
            }
            return apply(x);
        }
    }

    /**
     * A convolution without bias, padded as {@code revision} pads. libtorch's convolution pads both
     * ends of a side alike, so uneven padding (Keras' strided "same") is added as a padded copy
     * first; dropping the first row instead would replace a pixel by zero. The copy costs about
     * 2.5 % of a training step (BENCHMARK.md).
     */
    static Tensor convolve(Tensor x, Tensor weight, int stride, NetworkRevision revision) {
        int kernel = (int) weight.size(2);
        long[] rows = revision.padding(x.size(2), kernel, stride);
        long[] columns = revision.padding(x.size(3), kernel, stride);
        if (rows[0] == rows[1] && columns[0] == columns[1]) {
            return conv2d(x, weight, new TensorOptional(), new long[] {stride, stride}, new long[] {rows[0], columns[0]},
                    new long[] {1, 1}, 1);
        }
        Tensor padded = constant_pad_nd(x, columns[0], columns[1], rows[0], rows[1]);
        return conv2d(padded, weight, new TensorOptional(), new long[] {stride, stride}, new long[] {0, 0},
                new long[] {1, 1}, 1);
    }

    private record Norm(Tensor gamma, Tensor beta, Tensor mean, Tensor var) {
        Tensor applyRelu(Tensor x, boolean training) {
            Tensor y = batch_norm(x, new TensorOptional(gamma), new TensorOptional(beta), new TensorOptional(mean),
                    new TensorOptional(var), training, BN_MOMENTUM, BN_EPSILON, true);
            return relu_(y);
        }
    }

    private record Block(Norm norm1, Conv conv1, Norm norm2, Conv conv2, Conv shortcut) {
    }

    private final NetworkSpec spec;
    private final List<Entry> entries = new ArrayList<>();
    private final SplittableRandom random;
    private final Conv stem;
    private final List<Block> blocks = new ArrayList<>();
    private final Norm last;
    private final Tensor denseKernel;
    private final Tensor denseBias;
    /** The category head of the two-headed network (section 5.5); null in the single-head one. */
    private final Tensor categoryKernel;
    private final Tensor categoryBias;

    /** A network with fresh weights drawn from the spec's seed. */
    WideResNet(NetworkSpec spec) {
        this(spec, 0);
    }

    /**
     * With {@code categories} > 0, the two-headed network of section 5.5: the same body and
     * transformation head (the same weights from the same seed), plus a dense layer over the
     * categories, initialised as the other, its tensors last in the model file's order.
     */
    WideResNet(NetworkSpec spec, int categories) {
        LibtorchRuntime.ensureLoaded();
        if (categories < 0 || categories == 1) {
            throw new IllegalArgumentException("the category head needs at least 2 categories, got " + categories);
        }
        this.spec = spec;
        this.random = new SplittableRandom(spec.settings().seed() ^ SEED_SALT);
        int widen = spec.settings().widen();
        int perGroup = spec.settings().blocksPerGroup();
        stem = conv("stem", spec.shape().channels(), 16, 3, 1);
        int[] channels = {16 * widen, 32 * widen, 64 * widen};
        int[] strides = {1, 2, 2};
        int in = 16;
        for (int g = 0; g < channels.length; g++) {
            for (int b = 0; b < perGroup; b++) {
                String name = "g" + (g + 1) + "b" + (b + 1);
                int stride = b == 0 ? strides[g] : 1;
                Norm norm1 = norm(name + ".bn1", in);
                Conv conv1 = conv(name + ".conv1", in, channels[g], 3, stride);
                Norm norm2 = norm(name + ".bn2", channels[g]);
                Conv conv2 = conv(name + ".conv2", channels[g], channels[g], 3, 1);
                Conv shortcut = in == channels[g] && stride == 1 ? null : conv(name + ".shortcut", in, channels[g], 1, stride);
                blocks.add(new Block(norm1, conv1, norm2, conv2, shortcut));
                in = channels[g];
            }
        }
        last = norm("final.bn", in);
        int features = Math.toIntExact(in * spec.pooledCells());
        double bound = 1 / Math.sqrt(features);
        denseKernel = newTensor("dense.kernel", Kind.DENSE_KERNEL, uniform(spec.classes() * features, bound), spec.classes(),
                features);
        denseBias = newTensor("dense.bias", Kind.DENSE_BIAS, new float[spec.classes()], spec.classes());
        categoryKernel = categories == 0 ? null
                : newTensor("category.kernel", Kind.DENSE_KERNEL, uniform(categories * features, bound), categories,
                        features);
        categoryBias = categories == 0 ? null
                : newTensor("category.bias", Kind.DENSE_BIAS, new float[categories], categories);
    }

    /** Outputs of the category head; 0 for the single-head network. */
    int categories() {
        return categoryKernel == null ? 0 : (int) categoryKernel.size(0);
    }

    NetworkSpec spec() {
        return spec;
    }

    /** Every tensor of the network in a fixed order: the model file's order. */
    List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** The tensors Adam updates. */
    List<Entry> trainable() {
        return entries.stream().filter(e -> e.kind().trainable()).toList();
    }

    /** Number of trainable values. */
    long parameterCount() {
        return trainable().stream().mapToLong(e -> e.tensor().numel()).sum();
    }

    /**
     * The logits of an NCHW batch (channels-last in memory, as {@link Tensors#images} gives it); {@code training} uses batch statistics in batch norm
     * and updates the running ones, otherwise the running ones are used.
     */
    Tensor logits(Tensor images, boolean training) {
        return linear(features(images, training), denseKernel, new TensorOptional(denseBias));
    }

    /** Both heads' logits from one pass through the body: {transformations, categories}. */
    Tensor[] twoHeadLogits(Tensor images, boolean training) {
        if (categoryKernel == null) {
            throw new IllegalStateException("this network has no category head");
        }
        Tensor pooled = features(images, training);
        return new Tensor[] {linear(pooled, denseKernel, new TensorOptional(denseBias)),
                linear(pooled, categoryKernel, new TensorOptional(categoryBias))};
    }

    /** The body's output: the final BN-ReLU, average-pooled ({@link NetworkSpec#pooledCells()} values per channel), flattened. */
    private Tensor features(Tensor images, boolean training) {
        Tensor x = stem.apply(CHANNELS_LAST ? images : images.contiguous());
        for (Block b : blocks) {
            Tensor act1 = b.norm1().applyRelu(x, training);
            Tensor inner = b.conv2().apply(b.norm2().applyRelu(b.conv1().apply(act1, training), training));
            x = add(inner, b.shortcut() == null ? x : b.shortcut().apply(act1));
        }
        Tensor maps = last.applyRelu(x, training);
        Tensor pooled = spec.pooledCells() == 1 ? adaptive_avg_pool2d(maps, 1, 1)
                : avg_pool2d(maps, ClassifierSettings.POOL_WINDOW, ClassifierSettings.POOL_WINDOW);
        return flatten(pooled, 1, -1);
    }

    private Conv conv(String name, int in, int out, int kernel, int stride) {
        int fanIn = in * kernel * kernel;
        float[] w = new float[out * fanIn];
        double sd = Math.sqrt(2.0 / fanIn);
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (random.nextGaussian() * sd);
        }
        Tensor weight = newTensor(name + ".kernel", Kind.CONV_KERNEL, w, out, in, kernel, kernel);
        return new Conv(weight, stride, kernel, spec.revision());
    }

    private Norm norm(String name, int channels) {
        float[] ones = new float[channels];
        java.util.Arrays.fill(ones, 1f);
        Tensor gamma = newTensor(name + ".gamma", Kind.BN_GAMMA, ones, channels);
        Tensor beta = newTensor(name + ".beta", Kind.BN_BETA, new float[channels], channels);
        Tensor mean = newTensor(name + ".mean", Kind.BN_MEAN, new float[channels], channels);
        Tensor var = newTensor(name + ".var", Kind.BN_VAR, ones, channels);
        return new Norm(gamma, beta, mean, var);
    }

    private float[] uniform(int count, double bound) {
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
            v[i] = (float) random.nextDouble(-bound, bound);
        }
        return v;
    }

    /** A tensor holding {@code values}, in the layout's memory format, with a gradient where trainable. */
    private Tensor newTensor(String name, Kind kind, float[] values, long... shape) {
        Tensor tensor;
        try (Tensor plain = Tensors.copyOf(values, 0, shape)) {
            tensor = CHANNELS_LAST ? Tensors.channelsLast(plain) : plain.contiguous();
        }
        if (kind.trainable()) {
            tensor.requires_grad_(true);
        }
        entries.add(new Entry(name, kind, shape, tensor));
        return tensor;
    }

    @Override
    public void close() {
        for (Entry e : entries) {
            e.tensor().close();
        }
    }
}
