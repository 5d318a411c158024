package org.geotrans.adapters.libtorch.baselines;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.bytedeco.pytorch.Tensor;
import org.geotrans.adapters.libtorch.Tensors;
import org.geotrans.domain.port.NetworkWeights;

/**
 * Every tensor of one network, named, in the order its parts created them: the order of the
 * saved bytes ({@link TensorFormat}) and of the initial draws. A network of several parts (an
 * encoder and a decoder, a generator and a critic) hands one instance to each, and each part
 * prefixes its names; the parts' initialisation then depends on the seed and the order they are
 * built in alone.
 *
 * <p>Initialisation as Keras' defaults, which the paper's reference code relies on: kernels
 * Glorot-uniform, U(-sqrt(6 / (fan_in + fan_out)), +sqrt(...)), biases and batch norm's beta 0,
 * gamma 1, moving mean 0 and variance 1. 4-D tensors are channels-last, the layout oneDNN's
 * convolutions run fastest in on the CPU.
 *
 * <p>Create it outside any {@code PointerScope}: a scope would free the tensors when it closes.
 */
final class NetworkTensors implements AutoCloseable {
    private static final long SEED_SALT = 0x2545F4914F6CDD1DL;

    /** What a tensor is: decides its initialisation, whether Adam updates it and whether weight decay applies. */
    enum Kind {
        KERNEL(true, true), BIAS(true, false), BN_GAMMA(true, false), BN_BETA(true, false),
        BN_MEAN(false, false), BN_VAR(false, false);

        private final boolean trainable;
        private final boolean decayed;

        Kind(boolean trainable, boolean decayed) {
            this.trainable = trainable;
            this.decayed = decayed;
        }

        /** Updated by the optimizer (batch norm's running statistics are not). */
        boolean trainable() {
            return trainable;
        }

        /**
         * Under the recipe's weight decay: the kernels only, as DL4J's {@code l2} on the same
         * layers (biases and batch norm are not regularised there).
         */
        boolean decayed() {
            return decayed;
        }
    }

    /** A named tensor; {@code shape} is its logical (NCHW) shape. */
    record Entry(String name, Kind kind, long[] shape, Tensor tensor) {
        long size() {
            return Arrays.stream(shape).reduce(1, Math::multiplyExact);
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private final SplittableRandom random;
    private long allocated;

    /** An empty store whose kernels will be drawn from {@code seed} (libtorch is loaded here). */
    NetworkTensors(long seed) {
        BaselineRuntime.start();
        this.random = new SplittableRandom(seed ^ SEED_SALT);
    }

    /** A Glorot-uniform kernel of {@code shape}; {@code fanIn + fanOut} sets the bound as in Keras. */
    Tensor glorotUniform(String name, long fanIn, long fanOut, long... shape) {
        double bound = Math.sqrt(6.0 / (fanIn + fanOut));
        float[] values = allocate(name, shape);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble(-bound, bound);
        }
        return add(name, Kind.KERNEL, values, shape);
    }

    /** A tensor of {@code shape} with every value {@code value}. */
    Tensor filled(String name, Kind kind, float value, long... shape) {
        float[] values = allocate(name, shape);
        Arrays.fill(values, value);
        return add(name, kind, values, shape);
    }

    /** Every tensor, in creation order. */
    List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** The tensors Adam updates, in creation order. */
    List<Entry> trainable() {
        return entries.stream().filter(e -> e.kind().trainable()).toList();
    }

    /** The trainable tensors of the parts whose names start with {@code prefix} (e.g. a GAN's critic). */
    List<Entry> trainable(String prefix) {
        return trainable().stream().filter(e -> e.name().startsWith(prefix)).toList();
    }

    /** The number of trainable values. */
    long trainableCount() {
        return trainable().stream().mapToLong(Entry::size).sum();
    }

    /** The number of all values, running statistics included (what DL4J's {@code numParams} counts). */
    long valueCount() {
        return entries.stream().mapToLong(Entry::size).sum();
    }

    /**
     * The values of a new tensor, once the network with it stays within {@link NetworkWeights#MAX}:
     * the images' shape sets the size of some layers, and a saved detector's bytes give that shape.
     */
    private float[] allocate(String name, long... shape) {
        long size = NetworkWeights.product(shape);
        allocated = NetworkWeights.plus(allocated, size);
        NetworkWeights.check("this network, by its tensor '" + name + "',", allocated, "use smaller images");
        return new float[Math.toIntExact(size)];
    }

    private Tensor add(String name, Kind kind, float[] values, long... shape) {
        if (!names.add(name)) {
            throw new IllegalStateException("two tensors named '" + name + "' in one network");
        }
        Tensor tensor;
        try (Tensor plain = Tensors.copyOf(values, 0, shape)) {
            tensor = Tensors.channelsLast(plain);
        }
        if (kind.trainable()) {
            tensor.requires_grad_(true);
        }
        entries.add(new Entry(name, kind, shape.clone(), tensor));
        return tensor;
    }

    @Override
    public void close() {
        for (Entry e : entries) {
            e.tensor().close();
        }
    }
}
