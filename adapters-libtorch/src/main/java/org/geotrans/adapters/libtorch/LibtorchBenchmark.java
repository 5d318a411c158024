package org.geotrans.adapters.libtorch;

import static org.geotrans.domain.port.BenchmarkMeasures.median;
import static org.geotrans.domain.port.BenchmarkMeasures.randomImages;
import static org.geotrans.domain.port.BenchmarkMeasures.rssMegabytes;

import java.io.PrintStream;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageBatch;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.BenchmarkOptions;
import org.geotrans.domain.port.ClassifierSettings;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.training.LabeledBatch;
import org.geotrans.domain.training.ShuffledPairBatches;
import org.geotrans.domain.training.TransformedImages;
import org.geotrans.domain.transform.TransformationSet;

/**
 * Throughput benchmark of the libtorch classifier on random images (not a test): training and
 * inference images per second (medians of timed steps after warm-up) and the process's RSS after
 * warm-up, at the end and at its peak (VmHWM, over the whole run: run one shape per process to
 * compare peaks). Options: {@code --depth 10 --widen 4 --shapes 32x32x1,32x32x3 --transformations
 * paper72 --images 1024 --train-batch 128 --infer-batch 256 --warmup 3 --iterations 8
 * --precision bf16|fp32 --threads N --train true --infer true}.
 */
public final class LibtorchBenchmark {
    private final BenchmarkOptions options;

    private LibtorchBenchmark(BenchmarkOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        run(args, System.out);
    }

    /** Runs the benchmark and prints a table to {@code out}. */
    public static void run(String[] args, PrintStream out) {
        BenchmarkOptions options = BenchmarkOptions.parse(args, Map.of("precision", LibtorchTuning.defaults().precision().id(),
                "threads", Integer.toString(LibtorchTuning.defaults().threads())));
        // libtorch's own options, before it loads
        LibtorchTuning tuning = new LibtorchTuning(Precision.parse(options.get("precision")),
                options.intOption("threads", 1, 1024), options.intOption("infer-batch"));
        new LibtorchBenchmark(options).runAll(tuning, out);
    }

    private void runAll(LibtorchTuning tuning, PrintStream out) {
        LibtorchRuntime.ensureLoaded();
        out.println("# " + LibtorchRuntime.describe(tuning) + ", " + WideResNet.layout());
        out.println("# options " + options);
        out.printf(Locale.ROOT, "%-10s %-9s %4s %-9s %12s %12s %12s %12s %12s%n", "network", "shape", "k", "precision",
                "train img/s", "infer img/s", "RSS warm MB", "RSS end MB", "peak RSS MB");
        for (ImageShape shape : options.shapes()) {
            benchmark(shape, tuning, out);
        }
    }

    private void benchmark(ImageShape shape, LibtorchTuning tuning, PrintStream out) {
        TransformationSet transformations = options.transformations(shape);
        int k = transformations.size();
        ClassifierSettings settings = options.settings();
        NetworkSpec spec = new NetworkSpec(shape, k, settings);
        LibtorchTransformationClassifier classifier = new LibtorchTransformationClassifierProvider(tuning).untrained(spec);
        List<Image> images = randomImages(shape, intOption("images"), 1);

        long warmRss = -1;
        double trainRate = Double.NaN;
        if (options.flag("train")) {
            Iterator<LabeledBatch> epoch = new ShuffledPairBatches(new TransformedImages(images, transformations),
                    intOption("train-batch"), 7).epoch(0);
            try (LibtorchTrainer trainer = new LibtorchTrainer(classifier.network(), tuning, ProgressListener.SILENT)) {
                trainer.trainBatches(epoch, intOption("warmup"));
                warmRss = rssMegabytes("VmRSS:");
                double[] rates = new double[intOption("iterations")];
                for (int i = 0; i < rates.length; i++) {
                    long start = System.nanoTime();
                    long seen = trainer.trainBatches(epoch, 1);
                    rates[i] = seen * 1e9 / (System.nanoTime() - start);
                }
                trainRate = median(rates);
            }
        }
        double inferRate = Double.NaN;
        if (options.flag("infer")) {
            ImageBatch batch = ImageBatch.of(shape, images.subList(0, Math.min(images.size(), intOption("infer-batch"))));
            for (int i = 0; i < Math.max(2, intOption("warmup")); i++) {
                classifier.predictSoftmax(batch);
            }
            double[] rates = new double[Math.max(3, intOption("iterations") / 2)];
            for (int i = 0; i < rates.length; i++) {
                long start = System.nanoTime();
                classifier.predictSoftmax(batch);
                rates[i] = batch.count() * 1e9 / (System.nanoTime() - start);
            }
            inferRate = median(rates);
        }
        out.printf(Locale.ROOT, "%-10s %-9s %4d %-9s %12.1f %12.1f %12d %12d %12d%n", settings.networkName(), shape, k,
                tuning.precision().id(), trainRate, inferRate, warmRss, rssMegabytes("VmRSS:"), rssMegabytes("VmHWM:"));
        classifier.network().close();
    }

    private int intOption(String key) {
        return options.intOption(key);
    }
}
