package org.geotrans.adapters.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.geotrans.adapters.cli.report.ConfusionHeatMap;
import org.geotrans.adapters.cli.report.DiagnosticsFiles;
import org.geotrans.adapters.libtorch.Precision;
import org.geotrans.application.diagnose.DiagnoseTransformationsUseCase;
import org.geotrans.application.evaluate.OneVsAllSplit;
import org.geotrans.application.score.ScoreImagesUseCase;
import org.geotrans.domain.data.LabeledImages;
import org.geotrans.domain.detector.GeoTransDetector;
import org.geotrans.domain.diagnose.TransformationDiagnostics;
import org.geotrans.domain.image.Image;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Which transformations matter to a saved detector, on the test images of --data: the network
 * never trained on them, so its normal class's test images are held-out normal images.
 */
@Command(name = "diagnose", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Which transformations matter to a saved detector, measured on the test images of --data: per "
                + "transformation, the network's accuracy at recognising it on the normal class's test images, the "
                + "AUROC of its Dirichlet term and of its own softmax used alone, and its share of the Dirichlet score "
                + "and of the gap between normal and anomalous images.",
                "Writes DIR/diagnostics.json, .csv, .md and confusion.png (a heat map of the confusion between "
                        + "transformations); prints the table."})
final class DiagnoseCommand implements Callable<Integer> {
    static final String JSON = "diagnostics.json";
    static final String CSV = "diagnostics.csv";
    static final String MARKDOWN = "diagnostics.md";
    static final String HEAT_MAP = "confusion.png";

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A detector saved by train.")
    Path model;

    @Mixin
    DataOptions data;

    @Option(names = "--normal-class", paramLabel = "CLASS",
            description = "The detector's normal class (default: the one its model file records).")
    String normalClass;

    @Option(names = "--anomaly-classes", paramLabel = "CLASS", split = ",",
            description = "Keep only these classes as anomalies (repeatable or comma-separated); default: all others.")
    List<String> anomalyClasses;

    @Option(names = "--max-test", paramLabel = "N", defaultValue = "0",
            description = "Use at most N test images, the seeded subset evaluate and score use; 0 = all (default).")
    int maxTest;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "0", description = "Seed of the test subset (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--refit-share", paramLabel = "F", defaultValue = "0",
            description = {"Also refit the Dirichlets on this share of the normal test images (drawn with --seed) and "
                    + "compare, on the other test images, the AUROC of the refitted score with the model's Dirichlet "
                    + "score (fitted on its training images) and the simplified score: is the fit on the training "
                    + "images the weak part? 0 = no refit (default)."})
    double refitShare;

    @Option(names = "--precision", paramLabel = "P",
            description = "For a detector of the libtorch backend: bf16 (bfloat16 autocast) or fp32; default: bf16 "
                    + "where the processor computes it natively, fp32 elsewhere.")
    Precision precision;

    @Mixin
    OutputOptions output;

    private final Provider<ScoreImagesUseCase> loader;
    private final Provider<DiagnoseTransformationsUseCase> diagnoser;
    private final DataLoader dataLoader;
    private final OneVsAllSplit split;
    private final BackendSelection selection;

    @Inject
    DiagnoseCommand(Provider<ScoreImagesUseCase> loader, Provider<DiagnoseTransformationsUseCase> diagnoser,
                    DataLoader dataLoader, OneVsAllSplit split, BackendSelection selection) {
        this.loader = loader;
        this.diagnoser = diagnoser;
        this.dataLoader = dataLoader;
        this.split = split;
        this.selection = selection;
    }

    @Override
    public Integer call() throws Exception {
        if (output.out == null) {
            throw new UsageException("say where to write the diagnostics: --out DIR");
        }
        data.validate();
        if (maxTest < 0 || maxTest == 1) {
            throw new UsageException("--max-test must be 0 (all) or at least 2, found " + maxTest);
        }
        if (!(refitShare >= 0 && refitShare < 1)) {
            throw new UsageException("--refit-share must be at least 0 and below 1, found " + refitShare);
        }
        if (precision != null) {
            selection.choose(selection.backend(), precision);
        }
        try (OutputFolder folder = output.prepare()) {
            return diagnose(folder);
        }
    }

    private int diagnose(OutputFolder folder) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ProgressReporter progress = ProgressReporter.forStderr(spec.commandLine().getErr());
        progress.stage("loading " + model);
        GeoTransDetector detector = loader.get().load(model);
        String recorded = detector.provenance().entries().get("normal-class");
        if (normalClass == null && recorded == null) {
            throw new UsageException("the model does not record its normal class; give it with --normal-class");
        }
        LoadedData all = dataLoader.load(data, detector.rawShape().height(), progress);
        int normal = all.classIndex(normalClass != null ? normalClass : recorded);
        LoadedData loaded = all.withAnomalyClasses(List.of(normal), anomalyClasses);
        LabeledImages test = loaded.dataset().test();
        int[] indices = split.testSubset(test.size(), maxTest, seed);
        List<Image> images = split.pick(test.images(), indices);
        boolean[] isNormal = new boolean[indices.length];
        for (int i = 0; i < indices.length; i++) {
            isNormal[i] = test.label(indices[i]) == normal;
        }
        progress.stage("diagnosing " + detector.transformations().size() + " transformations on " + images.size()
                + " test images");
        TransformationDiagnostics d;
        try {
            d = diagnoser.get().diagnose(detector, images, isNormal,
                    refitShare > 0 ? new DiagnoseTransformationsUseCase.RefitPlan(refitShare, seed) : null, progress.progress());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + " (normal class '" + loaded.className(normal) + "')");
        }
        progress.close();
        List<String> anomalies = new ArrayList<>();
        if (anomalyClasses != null) {
            anomalyClasses.forEach(c -> anomalies.add(loaded.className(loaded.classIndex(c))));
        }
        DiagnosticsFiles.Context context = new DiagnosticsFiles.Context(model.toString(), detector.classifier().describe(),
                loaded.dataset().name(), loaded.className(normal), anomalies, detector.transformations().spec(),
                VersionInfo.geotrans());
        String table = DiagnosticsFiles.markdown(d, context);
        folder.writeText(JSON, DiagnosticsFiles.json(d, context));
        folder.writeText(CSV, DiagnosticsFiles.csv(d));
        folder.writeText(MARKDOWN, table);
        folder.writePng(HEAT_MAP, ConfusionHeatMap.draw(d, "Confusion between transformations, normal class '"
                + loaded.className(normal) + "' (" + loaded.dataset().name() + ")"));
        out.print(table);
        out.println("wrote " + JSON + ", " + CSV + ", " + MARKDOWN + ", " + HEAT_MAP + " to " + folder.dir());
        return 0;
    }
}
