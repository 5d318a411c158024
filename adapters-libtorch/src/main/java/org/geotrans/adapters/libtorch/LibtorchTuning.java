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

    /** bf16 autocast on every core this JVM may use. */
    public static LibtorchTuning defaults() {
        return of(Precision.BF16);
    }

    /** {@code precision} on every core this JVM may use. */
    public static LibtorchTuning of(Precision precision) {
        return new LibtorchTuning(precision, Runtime.getRuntime().availableProcessors(), INFERENCE_BATCH);
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
