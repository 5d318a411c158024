package org.geotrans.adapters.libtorch;

import java.util.Objects;

/**
 * How the network runs on this machine, apart from what the domain's settings fix: the precision,
 * libtorch's intra-op threads and the number of images per inference pass.
 *
 * @param precision bf16 autocast or fp32
 * @param threads libtorch's intra-op threads, at least 1
 * @param inferenceBatch images per forward pass when predicting, at least 1
 */
public record LibtorchTuning(Precision precision, int threads, int inferenceBatch) {
    private static final int INFERENCE_BATCH = 256;

    public LibtorchTuning {
        Objects.requireNonNull(precision, "precision");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (inferenceBatch < 1) {
            throw new IllegalArgumentException("inference batch must be at least 1, got " + inferenceBatch);
        }
    }

    /** The machine's default precision ({@link Precision#machineDefault}) on the cores this process is given. */
    public static LibtorchTuning defaults() {
        return of(Precision.machineDefault());
    }

    /** {@code precision} on the cores this process is given. */
    public static LibtorchTuning of(Precision precision) {
        return new LibtorchTuning(precision, threadsFor(System.getenv("OMP_NUM_THREADS")), INFERENCE_BATCH);
    }

    /**
     * {@code ompNumThreads} where it is a positive number, every core this JVM may use otherwise: a
     * Spark executor running one unit on one of a machine's cores says so through OMP_NUM_THREADS,
     * and two units that each took all cores would slow each other down.
     */
    static int threadsFor(String ompNumThreads) {
        try {
            int threads = Integer.parseInt(ompNumThreads == null ? "" : ompNumThreads.strip());
            if (threads >= 1) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // not set, or not a number: libtorch's own reading of it would ignore it as well
        }
        return Runtime.getRuntime().availableProcessors();
    }

    public LibtorchTuning withPrecision(Precision value) {
        return new LibtorchTuning(value, threads, inferenceBatch);
    }

    public LibtorchTuning withThreads(int value) {
        return new LibtorchTuning(precision, value, inferenceBatch);
    }

    public LibtorchTuning withInferenceBatch(int value) {
        return new LibtorchTuning(precision, threads, value);
    }
}
