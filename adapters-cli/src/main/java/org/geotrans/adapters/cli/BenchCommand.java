package org.geotrans.adapters.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import org.geotrans.domain.port.ClassifierBackend;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** Hands its options to the network adapter's benchmark, which prints its own table. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Throughput of the transformation classifier on random images: training and inference images/s, "
                + "batch-building share, peak memory.",
                "Options are passed to the benchmark as --option value pairs: --depth 10 --widen 4 --shapes 32x32x1,32x32x3 "
                        + "--transformations paper72 --images 1024 --train-batch 128 --infer-batch 256 --warmup 3 "
                        + "--iterations 8 --train true --infer true; dl4j also --format NCHW|NHWC --workspaces ENABLED|NONE "
                        + "--cache-mode DEVICE|HOST|NONE --helpers true|false; libtorch also --precision bf16|fp32 --threads N"})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--backend", paramLabel = "NAME",
            description = "Network engine to measure: libtorch (default) or dl4j.")
    ClassifierBackend backend;

    @Unmatched
    List<String> options = new ArrayList<>();

    private final Provider<Benchmark> benchmark;
    private final BackendSelection selection;

    @Inject
    BenchCommand(Provider<Benchmark> benchmark, BackendSelection selection) {
        this.benchmark = benchmark;
        this.selection = selection;
    }

    @Override
    public Integer call() {
        selection.choose(backend != null ? backend : ClassifierBackend.defaultBackend(), selection.precision());
        try {
            benchmark.get().run(options, spec.commandLine().getOut());
        } catch (IllegalArgumentException e) {
            // the benchmark's own option parser rejects what picocli passed through
            throw new UsageException(e.getMessage());
        }
        return 0;
    }
}
