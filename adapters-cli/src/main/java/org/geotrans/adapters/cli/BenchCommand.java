package org.geotrans.adapters.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** Hands its options to the network adapter's benchmark, which prints its own table. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Throughput of the transformation classifier on random images: training and inference images/s, "
                + "batch-building share, peak memory.",
                "Options are passed to the benchmark as --option value pairs: --depth 10 --widen 4 --shapes 32x32x1,32x32x3 "
                        + "--transformations paper72 --images 1024 --train-batch 128 --infer-batch 256 --warmup 3 "
                        + "--iterations 8 --format NCHW|NHWC --workspaces ENABLED|NONE --cache-mode DEVICE|HOST|NONE --helpers true|false --train true --infer true"})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Unmatched
    List<String> options = new ArrayList<>();

    private final Provider<Benchmark> benchmark;

    @Inject
    BenchCommand(Provider<Benchmark> benchmark) {
        this.benchmark = benchmark;
    }

    @Override
    public Integer call() {
        try {
            benchmark.get().run(options, spec.commandLine().getOut());
        } catch (IllegalArgumentException e) {
            // the benchmark's own option parser rejects what picocli passed through
            throw new UsageException(e.getMessage());
        }
        return 0;
    }
}
