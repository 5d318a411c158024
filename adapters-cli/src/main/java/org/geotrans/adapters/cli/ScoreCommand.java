package org.geotrans.adapters.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.geotrans.adapters.cli.report.ScoresCsv;
import org.geotrans.adapters.datasets.FileDatasetSource;
import org.geotrans.adapters.libtorch.Precision;
import org.geotrans.application.evaluate.OneVsAllSplit;
import org.geotrans.application.score.ScoreImagesUseCase;
import org.geotrans.application.score.ThresholdChoice;
import org.geotrans.domain.data.DatasetFormat;
import org.geotrans.domain.data.LabeledImages;
import org.geotrans.domain.decision.DecisionMetrics;
import org.geotrans.domain.detector.GeoTransDetector;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.metrics.RankingMetrics;
import org.geotrans.domain.score.ScoreType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Scores images with a saved detector: the test split of a dataset (with the same --max-test
 * and --seed as evaluate, the same test images in the same order), or new image files.
 */
@Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Score images with a saved detector (higher = more normal) and decide at its threshold: an image"
                + " scoring below it is an anomaly.",
                "--data D: the test images of a dataset into DIR/scores.csv (index, label, class, dirichlet, simplified,"
                        + " decision); with --normal-class, also the AUROC and the false-alarm rate, detection rate and"
                        + " precision at the threshold.",
                "--images PATH: one image file, a folder of them or a zip, prepared as the model's training images"
                        + " (resized and centre-cropped to its side, its channels), into DIR/scores.csv (file,"
                        + " dirichlet, simplified, decision); unreadable files are listed in DIR/skipped.txt and skipped"
                        + " (exit code " + ImageScoring.EXIT_SKIPPED + ")."})
final class ScoreCommand implements Callable<Integer> {
    static final String SCORES_FILE = "scores.csv";

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A detector saved by train.")
    Path model;

    @Option(names = "--data", paramLabel = "PATH",
            description = "Dataset whose test images to score (as for evaluate); or give --images.")
    Path data;

    @Option(names = "--images", paramLabel = "PATH",
            description = "New images to score: one image file (PNG, JPEG, ...), a folder of them (its subfolders are"
                    + " not read) or a zip (any depth); hidden files are left out.")
    Path images;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "AUTO",
            description = "With --data: its format, ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    DatasetFormat format;

    @Option(names = "--image-size", paramLabel = "PIXELS", defaultValue = "0",
            description = "With --data of image folders: the square side (default: the model's).")
    int imageSize;

    @Option(names = "--normal-class", paramLabel = "CLASS",
            description = "With --data: treat this class as normal; print the AUROC and the decisions' rates.")
    String normalClass;

    @Option(names = "--score", paramLabel = "TYPE",
            description = "Score that decides, sorts and is summarised: ${COMPLETION-CANDIDATES} (default: the detector's).")
    ScoreType score;

    @Option(names = "--threshold", paramLabel = "VALUE",
            description = "Decide at this score instead of the model's calibrated threshold (same units as --score).")
    Double threshold;

    @Option(names = "--sort", description = "With --images: most anomalous first (lowest score), instead of by file name.")
    boolean sort;

    @Option(names = "--top", paramLabel = "N", defaultValue = "0",
            description = "With --images: keep only the N most anomalous in scores.csv and draw them in"
                    + " DIR/" + ImageScoring.CONTACT_SHEET + "; 0 = all, no contact sheet (default).")
    int top;

    @Option(names = "--max-test", paramLabel = "N", defaultValue = "0",
            description = "With --data: score at most N test images, the seeded subset evaluate uses; 0 = all (default).")
    int maxTest;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "0",
            description = "With --data: seed of the test subset (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--precision", paramLabel = "P",
            description = "For a detector of the libtorch backend: bf16 (bfloat16 autocast) or fp32; default: bf16 "
                    + "where the processor computes it natively, fp32 elsewhere.")
    Precision precision;

    @Mixin
    OutputOptions output;

    private final Provider<ScoreImagesUseCase> scorer;
    private final DataLoader loader;
    private final OneVsAllSplit split;
    private final BackendSelection selection;

    @Inject
    ScoreCommand(Provider<ScoreImagesUseCase> scorer, DataLoader loader, OneVsAllSplit split, BackendSelection selection) {
        this.scorer = scorer;
        this.loader = loader;
        this.split = split;
        this.selection = selection;
    }

    @Override
    public Integer call() throws Exception {
        if (output.out == null) {
            throw new UsageException("say where to write " + SCORES_FILE + ": --out DIR");
        }
        if ((data == null) == (images == null)) {
            throw new UsageException("say what to score: --data DATASET (its test images) or --images PATH (image files),"
                    + " one of the two");
        }
        if (images != null && (normalClass != null || maxTest != 0)) {
            throw new UsageException("--normal-class and --max-test go with --data; --images scores unlabelled files");
        }
        if (data != null && (sort || top != 0)) {
            throw new UsageException("--sort and --top go with --images");
        }
        if (top < 0) {
            throw new UsageException("--top must be 0 (all) or positive, found " + top);
        }
        if (maxTest < 0) {
            throw new UsageException("--max-test must be 0 (all) or positive, found " + maxTest);
        }
        if (threshold != null && !Double.isFinite(threshold)) {
            throw new UsageException("--threshold must be a finite number, found " + threshold);
        }
        try {
            FileDatasetSource.checkImageSize(imageSize);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--image-size: " + e.getMessage());
        }
        if (precision != null) {
            selection.choose(selection.backend(), precision);
        }
        try (OutputFolder folder = output.prepare()) {
            ProgressReporter progress = ProgressReporter.forStderr(spec.commandLine().getErr());
            progress.stage("loading " + model);
            GeoTransDetector detector = scorer.get().load(model);
            ScoreType shown = score != null ? score : detector.defaultScore();
            ThresholdChoice choice = scorer.get().threshold(detector, shown, threshold);
            if (images != null) {
                return new ImageScoring(scorer.get(), detector, choice).run(images, top, sort, folder, progress,
                        spec.commandLine().getOut());
            }
            return scoreTestImages(detector, choice, folder, progress);
        }
    }

    private int scoreTestImages(GeoTransDetector detector, ThresholdChoice choice, OutputFolder folder,
                                ProgressReporter progress) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        DataOptions options = new DataOptions();
        options.data = data;
        options.format = format;
        options.imageSize = imageSize;
        LoadedData loaded = loader.load(options, detector.rawShape().height(), progress);
        Integer normal = normalClass == null ? null : loaded.classIndex(normalClass);
        LabeledImages test = loaded.dataset().test();
        int[] indices = split.testSubset(test.size(), maxTest, seed);
        List<Image> picked = split.pick(test.images(), indices);
        progress.stage("scoring " + picked.size() + " test images x " + detector.transformations().size() + " transformations");
        Map<ScoreType, double[]> scores = scorer.get().score(detector, picked, progress.progress());
        folder.writeText(SCORES_FILE, ScoresCsv.ofScoring(indices, test, scores, choice));
        progress.close();
        ScoreType shown = choice.type();
        double[] s = scores.get(shown);
        double[] sorted = s.clone();
        Arrays.sort(sorted);
        out.printf(Locale.ROOT, "scored %d test images of %s with %s (%s)%n", picked.size(), loaded.dataset().name(),
                model, detector.classifier().describe());
        out.printf(Locale.ROOT, "%s score (higher = more normal): min %.6g, median %.6g, max %.6g%n",
                shown.name().toLowerCase(Locale.ROOT), sorted[0], sorted[sorted.length / 2], sorted[sorted.length - 1]);
        if (choice.value().isPresent()) {
            out.printf(Locale.ROOT, "threshold %.6g, %s%n", choice.value().getAsDouble(), choice.origin());
        } else {
            out.println(choice.origin());
        }
        if (normal != null) {
            boolean[] isNormal = new boolean[indices.length];
            for (int i = 0; i < indices.length; i++) {
                isNormal[i] = test.label(indices[i]) == normal;
            }
            for (ScoreType type : ScoreType.values()) {
                out.printf(Locale.ROOT, "AUROC of '%s' against the other classes, %s score: %.4f%n",
                        loaded.className(normal), type.name().toLowerCase(Locale.ROOT),
                        RankingMetrics.auroc(scores.get(type), isNormal));
            }
            if (choice.value().isPresent()) {
                DecisionMetrics d = DecisionMetrics.of(s, isNormal, choice.value().getAsDouble());
                out.printf(Locale.ROOT, "at the threshold: false-alarm rate %.4f (%d of %d '%s' images), detection rate"
                                + " %.4f (%d of %d anomalies), precision %s%n", d.falseAlarmRate(), d.falseAlarms(),
                        d.normals(), loaded.className(normal), d.detectionRate(), d.detections(), d.anomalies(),
                        Double.isNaN(d.precision()) ? "n/a (nothing flagged)" : String.format(Locale.ROOT, "%.4f", d.precision()));
            }
        }
        out.println("wrote " + folder.dir().resolve(SCORES_FILE));
        return 0;
    }
}
