package org.geotrans.adapters.dl4j;

import static org.geotrans.domain.port.BenchmarkMeasures.median;
import static org.geotrans.domain.port.BenchmarkMeasures.randomImages;
import static org.geotrans.domain.port.BenchmarkMeasures.rssMegabytes;

import java.io.PrintStream;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.WorkspaceMode;
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
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Throughput benchmark of the classifier on random images (not a test): training and inference
 * images per second, the share of a training step spent building transformed batches and in
 * Adam's update of the parameters (timed apart from the step), and the
 * process's RSS after warm-up, at the end and at its peak (VmHWM, over the whole run, so run one
 * shape per process to compare peaks). Options: {@code --depth 10 --widen 4 --shapes 32x32x1,32x32x3
 * --transformations paper72 --images 1024 --train-batch 128 --infer-batch 256 --warmup 3
 * --iterations 8 --format NCHW|NHWC (training) --inference-format NHWC|NCHW --workspaces ENABLED|NONE --cache-mode DEVICE|HOST|NONE --helpers true|false
 * --train true --infer true}.
 */
public final class ClassifierBenchmark {
    private final BenchmarkOptions options;

    private ClassifierBenchmark(BenchmarkOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        run(args, System.out);
    }

    /** Runs the benchmark and prints a table to {@code out}. */
    public static void run(String[] args, PrintStream out) {
        BenchmarkOptions options = BenchmarkOptions.parse(args, Map.of("format", "NCHW", "cache-mode", "DEVICE",
                "inference-format", "NHWC", "workspaces", "ENABLED", "helpers", "true"));
        ClassifierBenchmark benchmark = new ClassifierBenchmark(options);
        benchmark.tuning(); // DL4J's own options, before the backend starts
        options.flag("helpers");
        benchmark.runAll(out);
    }

    private Dl4jTuning tuning() {
        return Dl4jTuning.DEFAULT.withFormats(options.enumOption("format", CNN2DFormat.class),
                        options.enumOption("inference-format", CNN2DFormat.class))
                .withWorkspaceMode(options.enumOption("workspaces", WorkspaceMode.class))
                .withInferenceBatch(options.intOption("infer-batch"))
                .withCacheMode(options.enumOption("cache-mode", org.deeplearning4j.nn.conf.CacheMode.class));
    }

    private void runAll(PrintStream out) {
        Dl4jBackend.Info info = Dl4jBackend.ensureInitialised();
        boolean helpers = options.flag("helpers");
        out.println("# " + info.description() + (helpers ? "" : " (stock path: helpers switched off for this run)"));
        out.println("# options " + options);
        out.printf(Locale.ROOT, "%-10s %-9s %4s %12s %8s %8s %8s %12s %12s %12s %12s%n", "network", "shape", "k",
                "train img/s", "build %", "stall %", "adam %", "infer img/s", "RSS warm MB", "RSS end MB", "peak RSS MB");
        for (ImageShape shape : options.shapes()) {
            Dl4jBackend.withLayerHelpers(helpers, () -> {
                benchmark(shape, out);
                return null;
            });
        }
    }

    private void benchmark(ImageShape shape, PrintStream out) {
        TransformationSet transformations = options.transformations(shape);
        int k = transformations.size();
        ClassifierSettings settings = options.settings();
        Dl4jTuning tuning = tuning();
        NetworkSpec spec = new NetworkSpec(shape, k, settings, tuning);
        Dl4jTransformationClassifier classifier = new Dl4jTransformationClassifierProvider(tuning).untrained(spec);
        List<Image> images = randomImages(shape, intOption("images"), 1);

        long warmRss = -1;
        double trainRate = Double.NaN;
        double buildShare = Double.NaN;
        double stallShare = Double.NaN;
        double adamShare = Double.NaN;
        if (options.flag("train")) {
            ShuffledPairBatches batches = new ShuffledPairBatches(new TransformedImages(images, transformations),
                    intOption("train-batch"), 7);
            Iterator<LabeledBatch> epoch = batches.epoch(0);
            Dl4jTrainer trainer = new Dl4jTrainer(classifier.network(), spec, ProgressListener.SILENT);
            trainer.trainBatches(epoch, intOption("warmup"));
            warmRss = rssMegabytes("VmRSS:");
            double[] rates = new double[intOption("iterations")];
            TrainingStats total = TrainingStats.NONE;
            for (int i = 0; i < rates.length; i++) {
                TrainingStats stats = trainer.trainBatches(epoch, 1);
                rates[i] = stats.imagesPerSecond();
                total = total.plus(stats);
            }
            trainRate = median(rates);
            buildShare = 100.0 * total.buildNanos() / total.nanos();
            stallShare = 100.0 * total.waitNanos() / total.nanos();
            double stepMillis = 1000.0 * intOption("train-batch") / trainRate;
            adamShare = 100.0 * adamMillis(classifier.network().numParams()) / stepMillis;
            Dl4jTrainer.releaseMemory(); // as the provider does before predicting
        }
        double inferRate = Double.NaN;
        if (options.flag("infer")) {
            ImageBatch batch = ImageBatch.of(shape, images.subList(0, Math.min(images.size(), intOption("infer-batch"))));
            for (int i = 0; i < Math.max(2, intOption("warmup")); i++) { // DL4J sizes its inference workspaces over the first calls
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
        out.printf(Locale.ROOT, "%-10s %-9s %4d %12.1f %8.1f %8.1f %8.1f %12.1f %12d %12d %12d%n", settings.networkName(),
                shape, k, trainRate, buildShare, stallShare, adamShare, inferRate, warmRss, rssMegabytes("VmRSS:"),
                rssMegabytes("VmHWM:"));
    }

    /**
     * The updater's cost: median milliseconds for Adam to update {@code params} parameters from a
     * gradient, as it does once per training step (measured apart from the step, same threads).
     */
    private static double adamMillis(long params) {
        try (INDArray state = Nd4j.zeros(DataType.FLOAT, 1, 2 * params);
             INDArray gradient = Nd4j.rand(DataType.FLOAT, 1, params)) {
            GradientUpdater<?> adam = new Adam(1e-3).instantiate(state, true);
            double[] millis = new double[11];
            for (int i = -3; i < millis.length; i++) {
                long start = System.nanoTime();
                adam.applyUpdater(gradient, Math.max(i, 0), 0);
                if (i >= 0) {
                    millis[i] = (System.nanoTime() - start) / 1e6;
                }
            }
            return median(millis);
        }
    }

    private int intOption(String key) {
        return options.intOption(key);
    }
}
