package org.geotrans.adapters.baselines;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.geotrans.domain.port.NetworkWeights;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The weights of one network, kept apart from any SameDiff graph: several graphs (training,
 * scoring, the generator seen through the critic) wrap the same arrays, so an update made here
 * is seen by all of them. Batch-normalization statistics live here too, outside the optimiser.
 *
 * <p>Initial values are Keras's defaults (Glorot-uniform kernels, zero biases, unit BN scales),
 * drawn from a generator seeded by the network's seed and the weight's name, so the same seed
 * gives the same network whatever order the graphs ask for their weights in.
 */
final class ParameterStore {
    private final long seed;
    private final Map<String, INDArray> trainable = new LinkedHashMap<>();
    private final Map<String, INDArray> statistics = new LinkedHashMap<>();
    private final Map<String, GradientUpdater<?>> updaters = new LinkedHashMap<>();
    private long allocated;

    ParameterStore(long seed) {
        this.seed = seed;
    }

    /** A kernel: Glorot-uniform with the given fans. */
    INDArray kernel(String name, int fanIn, int fanOut, long... shape) {
        return trainable.computeIfAbsent(name, n -> {
            double limit = Math.sqrt(6.0 / (fanIn + fanOut));
            Random random = random(n);
            float[] v = new float[Math.toIntExact(allocate(n, shape))];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
            }
            return Nd4j.create(v, shape, 'c');
        });
    }

    /** A trainable vector or array filled with {@code value} (biases, BN scale and shift). */
    INDArray filled(String name, double value, long... shape) {
        return trainable.computeIfAbsent(name, n -> {
            allocate(n, shape);
            return Nd4j.valueArrayOf(shape, value, DataType.FLOAT);
        });
    }

    /** A non-trainable statistic (BN moving mean and variance), filled with {@code value}. */
    INDArray statistic(String name, double value, long... shape) {
        return statistics.computeIfAbsent(name, n -> {
            allocate(n, shape);
            return Nd4j.valueArrayOf(shape, value, DataType.FLOAT);
        });
    }

    INDArray statistic(String name) {
        INDArray s = statistics.get(name);
        if (s == null) {
            throw new IllegalStateException("no statistic named " + name);
        }
        return s;
    }

    /**
     * The size of a new weight, once the network with it stays within {@link NetworkWeights#MAX}:
     * the images' shape sets the size of some layers.
     */
    private long allocate(String name, long... shape) {
        long size = NetworkWeights.product(shape);
        allocated = NetworkWeights.plus(allocated, size);
        NetworkWeights.check("this network, by its weight '" + name + "',", allocated, "use smaller images");
        return size;
    }

    /** Names of the trainable weights whose names start with {@code prefix}, in creation order. */
    List<String> trainableNames(String prefix) {
        List<String> names = new ArrayList<>();
        for (String n : trainable.keySet()) {
            if (n.startsWith(prefix)) {
                names.add(n);
            }
        }
        return Collections.unmodifiableList(names);
    }

    INDArray get(String name) {
        INDArray a = trainable.get(name);
        if (a == null) {
            throw new IllegalStateException("no weight named " + name);
        }
        return a;
    }

    /**
     * One Adam step on each named weight with its gradient (consumed: it holds the update after
     * the call). Each weight keeps its own moments, so two networks may share one store.
     */
    void adamStep(Map<String, INDArray> gradients, Adam adam, int iteration) {
        for (Map.Entry<String, INDArray> g : gradients.entrySet()) {
            INDArray weight = get(g.getKey());
            GradientUpdater<?> updater = updaters.computeIfAbsent(g.getKey(), n -> {
                long size = adam.stateSize(weight.length());
                return adam.instantiate(Nd4j.zeros(DataType.FLOAT, 1, size), true);
            });
            INDArray update = g.getValue().castTo(DataType.FLOAT).reshape(weight.shape());
            updater.applyUpdater(update, iteration, 0);
            weight.subi(update);
        }
    }

    /** Forgets the optimiser's moments: the next {@link #adamStep} starts afresh. */
    void resetOptimizer() {
        updaters.clear();
    }

    /** A deep copy of the weights and statistics, with a fresh optimiser. */
    ParameterStore copy() {
        ParameterStore c = new ParameterStore(seed);
        trainable.forEach((n, a) -> c.trainable.put(n, a.dup()));
        statistics.forEach((n, a) -> c.statistics.put(n, a.dup()));
        return c;
    }

    /** Overwrites this store's weights and statistics in place with {@code source}'s values. */
    void assign(ParameterStore source) {
        trainable.forEach((n, a) -> a.assign(source.get(n)));
        statistics.forEach((n, a) -> a.assign(source.statistic(n)));
    }

    /** Every weight and statistic, by name (for saving and equality checks). */
    Map<String, INDArray> all() {
        Map<String, INDArray> all = new LinkedHashMap<>(trainable);
        all.putAll(statistics);
        return Collections.unmodifiableMap(all);
    }

    private Random random(String name) {
        return new Random(seed * 1_000_003L + name.hashCode());
    }
}
