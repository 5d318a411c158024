package org.geotrans.adapters.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.geotrans.adapters.cli.report.AscentStrip;
import org.geotrans.application.diagnose.AscendImageUseCase;
import org.geotrans.application.score.ScoreImagesUseCase;
import org.geotrans.domain.data.DatasetFormat;
import org.geotrans.domain.data.LabeledImages;
import org.geotrans.domain.detector.GeoTransDetector;
import org.geotrans.domain.diagnose.AscentOptions;
import org.geotrans.domain.diagnose.AscentTrace;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.port.InputGradients;
import org.geotrans.domain.score.ScoreType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The paper's Figure 1: gradient ascent on one image towards the detector's normal class. */
@Command(name = "ascend", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Gradient ascent on one image to raise the detector's simplified normality score, as the paper's "
                + "Figure 1 (the reference code's intuition_experiments.py): each step adds the score's gradient x "
                + "--step-scale at the --keep-fraction of pixels with the largest |gradient x pixel|, blurs with a "
                + "Gaussian of --blur-sigma and clips the pixels to [0, 1].",
                "The image is --image FILE (of the detector's size) or --data D --test-index I. Writes DIR/ascent.png "
                        + "(before, after, change and the score along the way), ascent.csv (the score per step), "
                        + "before.png and after.png. Works on models of either backend (dl4j, libtorch)."})
final class AscendCommand implements Callable<Integer> {
    static final String STRIP = "ascent.png";
    static final String CSV = "ascent.csv";
    static final String BEFORE = "before.png";
    static final String AFTER = "after.png";

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A detector saved by train.")
    Path model;

    @Option(names = "--image", paramLabel = "FILE", description = "The image to start from: a PNG or JPEG of the detector's size.")
    Path image;

    @Option(names = "--data", paramLabel = "PATH", description = "Or a dataset (as for evaluate) whose test image --test-index is the start.")
    Path data;

    @Option(names = "--test-index", paramLabel = "I", description = "With --data: the index of the test image, 0-based.")
    Integer testIndex;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "AUTO",
            description = "With --data: its format, ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    DatasetFormat format;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "200", description = "Gradient steps, 1.." + AscentOptions.MAX_STEPS
            + " (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--step-scale", paramLabel = "ETA", defaultValue = "5", description = "Gradient multiplier per step (default: ${DEFAULT-VALUE}).")
    double stepScale;

    @Option(names = "--keep-fraction", paramLabel = "F", defaultValue = "0.2",
            description = "Share of pixels a step moves, those with the largest |gradient x pixel|, in (0, 1] (default: ${DEFAULT-VALUE}).")
    double keepFraction;

    @Option(names = "--blur-sigma", paramLabel = "S", defaultValue = "0.28",
            description = "Gaussian blur after each step, in pixels, 0..10; 0 for none (default: ${DEFAULT-VALUE}).")
    double blurSigma;

    @Mixin
    OutputOptions output;

    private final Provider<ScoreImagesUseCase> loader;
    private final Provider<AscendImageUseCase> ascender;
    private final DataLoader dataLoader;

    @Inject
    AscendCommand(Provider<ScoreImagesUseCase> loader, Provider<AscendImageUseCase> ascender, DataLoader dataLoader) {
        this.loader = loader;
        this.ascender = ascender;
        this.dataLoader = dataLoader;
    }

    @Override
    public Integer call() throws Exception {
        if (output.out == null) {
            throw new UsageException("say where to write the ascent: --out DIR");
        }
        if ((image == null) == (data == null)) {
            throw new UsageException("give the image to start from: --image FILE, or --data PATH with --test-index I");
        }
        if (data != null && testIndex == null) {
            throw new UsageException("--data needs --test-index I: which test image to start from");
        }
        if (image != null && testIndex != null) {
            throw new UsageException("--test-index goes with --data, not with --image");
        }
        AscentOptions options;
        try {
            options = new AscentOptions(steps, stepScale, keepFraction, blurSigma);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        try (OutputFolder folder = output.prepare()) {
            return ascend(folder, options);
        }
    }

    private int ascend(OutputFolder folder, AscentOptions options) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ProgressReporter progress = ProgressReporter.forStderr(spec.commandLine().getErr());
        progress.stage("loading " + model);
        GeoTransDetector detector = loader.get().load(model);
        if (!(detector.classifier() instanceof InputGradients)) {
            throw new UsageException("ascend is not supported by this backend: the model's " + detector.classifier().backend().id()
                    + " backend offers no input gradients; train the detector with --backend dl4j or libtorch");
        }
        String what;
        Image start;
        if (image != null) {
            start = ImageFileReader.read(image, detector.rawShape());
            what = image.getFileName().toString();
        } else {
            DataOptions options0 = new DataOptions();
            options0.data = data;
            options0.format = format;
            LabeledImages test = dataLoader.load(options0, detector.rawShape().height(), progress).dataset().test();
            if (testIndex < 0 || testIndex >= test.size()) {
                throw new UsageException("--test-index must be 0.." + (test.size() - 1) + ", found " + testIndex);
            }
            start = test.image(testIndex);
            what = "test image " + testIndex + " ('" + test.classNames().get(test.label(testIndex)) + "')";
            if (!start.shape().equals(detector.rawShape())) {
                throw new UsageException(what + " is " + start.shape() + ", the detector takes " + detector.rawShape());
            }
        }
        progress.stage("ascending " + what + ": " + options.steps() + " steps x " + detector.transformations().size()
                + " transformations");
        AscendImageUseCase.Result result = ascender.get().ascend(detector, start, options, progress.progress());
        progress.close();
        AscentTrace trace = result.trace();
        folder.writePng(STRIP, AscentStrip.draw(trace, "Ascent of " + what));
        folder.writeText(CSV, AscentStrip.csv(trace));
        folder.writePng(BEFORE, AscentStrip.picture(trace.before()));
        folder.writePng(AFTER, AscentStrip.picture(trace.after()));
        double[] dirichlet = result.scores().get(ScoreType.DIRICHLET);
        double[] simplified = result.scores().get(ScoreType.SIMPLIFIED);
        out.printf(Locale.ROOT, "ascent of %s with %s, %d steps%n", what, detector.classifier().describe(), options.steps());
        out.printf(Locale.ROOT, "simplified score: %.4f before, %.4f after%n", simplified[0], simplified[1]);
        out.printf(Locale.ROOT, "dirichlet score:  %.4f before, %.4f after%n", dirichlet[0], dirichlet[1]);
        out.printf(Locale.ROOT, "pixel change on the [0, 1] scale: RMS %.4f, L2 %.4f%n", trace.rmsChange(), trace.l2Change());
        out.println("wrote " + STRIP + ", " + CSV + ", " + BEFORE + ", " + AFTER + " to " + folder.dir());
        return 0;
    }
}
