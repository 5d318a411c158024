package org.geotrans.adapters.libtorch;

import static org.bytedeco.pytorch.global.torch.mm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * The practical peak of these cores through the same libtorch our backend runs on (not a test):
 * square matrix products in fp32 and bf16, median GFLOP/s (2 n^3 per product) of timed products
 * after warm-up. The distance between a network's FLOP rate and this figure is how far the
 * network is from the machine's limit. Arguments: {@code [threads] [sizes, e.g. 512,1024,2048]
 * [precisions: fp32,bf16]} (bf16 products crawl where the processor has no bfloat16: leave them out there).
 */
public final class LibtorchGemmPeak {
    private static final int WARMUP = 3;
    private static final int ROUNDS = 10;

    private LibtorchGemmPeak() {
    }

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : LibtorchTuning.defaults().threads();
        String sizes = args.length > 1 ? args[1] : "512,1024,2048";
        List<String> precisions = List.of((args.length > 2 ? args[2] : "fp32,bf16").split(","));
        LibtorchRuntime.ensureLoaded();
        LibtorchRuntime.useThreads(threads);
        System.out.println("# libtorch " + LibtorchRuntime.LIBTORCH_VERSION + ", " + threads + " threads");
        for (String precision : precisions) {
            ScalarType type = Precision.parse(precision) == Precision.BF16 ? ScalarType.BFloat16 : ScalarType.Float;
            for (String size : sizes.split(",")) {
                int n = Integer.parseInt(size.trim());
                System.out.printf(Locale.ROOT, "gemm %-9s n=%5d: %8.1f GFLOP/s%n", type, n, gflops(n, type));
            }
        }
    }

    private static double gflops(int n, ScalarType type) {
        try (PointerScope scope = new PointerScope()) {
            Tensor a = random(n, 1).to(type);
            Tensor b = random(n, 2).to(type);
            List<Double> rates = new ArrayList<>();
            for (int i = 0; i < WARMUP + ROUNDS; i++) {
                long start = System.nanoTime();
                try (Tensor product = mm(a, b)) {
                    product.sum().item_double(); // waits for the product; a scalar costs nothing beside it
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                if (i >= WARMUP) {
                    rates.add(2.0 * n * n * n / seconds / 1e9);
                }
            }
            Collections.sort(rates);
            return rates.get(rates.size() / 2);
        }
    }

    private static Tensor random(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[n * n];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return Tensors.copyOf(values, 0, n, n);
    }
}
