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
import org.geotrans.application.evaluate.OneVsAllSplit;
import org.geotrans.application.score.ScoreImagesUseCase;
import org.geotrans.domain.data.LabeledImages;
import org.geotrans.domain.detector.GeoTransDetector;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.metrics.RankingMetrics;
import org.geotrans.domain.score.ScoreType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import org.geotrans.adapters.libtorch.Precision;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Scores the test split of a dataset with a saved detector. With the same --max-test and --seed
 * as evaluate it scores the same test images, in the same order.
 */
@Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Score the test images of --data with a saved detector; writes DIR/scores.csv "
                + "(index, label, class, dirichlet, simplified; higher = more normal).",
                "With --normal-class, also prints the AUROC of that class against the others."})
final class ScoreCommand implements Callable<Integer> {
    static final String SCORES_FILE = "scores.csv";

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A detector saved by train.")
    Path model;

    @Mixin
    DataOptions data;

    @Option(names = "--normal-class", paramLabel = "CLASS", description = "Treat this class as normal and print the AUROC.")
    String normalClass;

    @Option(names = "--score", paramLabel = "TYPE", description = "Score for the summary: ${COMPLETION-CANDIDATES} (default: the detector's).")
    ScoreType score;

    @Option(names = "--max-test", paramLabel = "N", defaultValue = "0",
            description = "Score at most N test images, the seeded subset evaluate uses; 0 = all (default).")
    int maxTest;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "0", description = "Seed of the test subset (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--precision", paramLabel = "P",
            description = "For a detector of the libtorch backend: bf16 (bfloat16 autocast, default) or fp32.")
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
        data.validate();
        if (maxTest < 0) {
            throw new UsageException("--max-test must be 0 (all) or positive, found " + maxTest);
        }
        if (precision != null) {
            selection.choose(selection.backend(), precision);
        }
        try (OutputFolder folder = output.prepare()) {
            return score(folder);
        }
    }

    private int score(OutputFolder folder) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ProgressReporter progress = ProgressReporter.forStderr(spec.commandLine().getErr());
        progress.stage("loading " + model);
        GeoTransDetector detector = scorer.get().load(model);
        LoadedData loaded = loader.load(data, detector.rawShape().height(), progress);
        Integer normal = normalClass == null ? null : loaded.classIndex(normalClass);
        LabeledImages test = loaded.dataset().test();
        int[] indices = split.testSubset(test.size(), maxTest, seed);
        List<Image> images = split.pick(test.images(), indices);
        progress.stage("scoring " + images.size() + " test images x " + detector.transformations().size() + " transformations");
        Map<ScoreType, double[]> scores = scorer.get().score(detector, images, progress.progress());
        folder.writeText(SCORES_FILE, ScoresCsv.ofScoring(indices, test, scores));
        progress.close();
        ScoreType shown = score != null ? score : detector.defaultScore();
        double[] s = scores.get(shown);
        double[] sorted = s.clone();
        Arrays.sort(sorted);
        out.printf(Locale.ROOT, "scored %d test images of %s with %s (%s)%n", images.size(), loaded.dataset().name(),
                model, detector.classifier().describe());
        out.printf(Locale.ROOT, "%s score (higher = more normal): min %.6g, median %.6g, max %.6g%n",
                shown.name().toLowerCase(Locale.ROOT), sorted[0], sorted[sorted.length / 2], sorted[sorted.length - 1]);
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
        }
        out.println("wrote " + folder.dir().resolve(SCORES_FILE));
        return 0;
    }
}
