package org.geotrans.adapters.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.geotrans.application.evaluate.EvaluateOneVsAllUseCase;
import org.geotrans.application.preset.ExperimentSettings;
import org.geotrans.application.train.TrainDetectorCommand;
import org.geotrans.application.train.TrainDetectorUseCase;
import org.geotrans.domain.detector.DetectorProvenance;
import org.geotrans.domain.detector.GeoTransDetector;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.port.DetectorStore;
import org.geotrans.domain.score.ScoreType;
import org.geotrans.domain.transform.TransformationSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Trains one detector and saves it. The normal images are those evaluate uses in its run with
 * the same seed, so train and then score reproduce evaluate's scores.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a GeoTrans detector on the training images of one normal class and save it.")
final class TrainCommand implements Callable<Integer> {
    static final String MODEL_FILE = "model.geotrans";

    @Spec
    CommandSpec spec;
    @Mixin
    DataOptions data;

    @Option(names = "--normal-class", required = true, paramLabel = "CLASS", description = "The normal class, by name or index.")
    String normalClass;

    @Option(names = "--model", paramLabel = "FILE", description = "Where to save the detector (default: DIR/" + MODEL_FILE + " of --out).")
    Path model;

    @Option(names = "--score", paramLabel = "TYPE", defaultValue = "DIRICHLET",
            description = "The detector's default score: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ScoreType score;

    @Mixin
    SettingsOptions settings;
    @Mixin
    BackendOptions backend;
    @Mixin
    OutputOptions output;

    private final Provider<TrainDetectorUseCase> trainer;
    private final Provider<DetectorStore> store;
    private final DataLoader loader;
    private final BackendSelection selection;

    @Inject
    TrainCommand(Provider<TrainDetectorUseCase> trainer, Provider<DetectorStore> store, DataLoader loader,
                 BackendSelection selection) {
        this.trainer = trainer;
        this.store = store;
        this.loader = loader;
        this.selection = selection;
    }

    @Override
    public Integer call() throws Exception {
        if (model == null && output.out == null) {
            throw new UsageException("say where to save the detector: --model FILE or --out DIR");
        }
        backend.applyTo(selection);
        Path file = model != null ? model : output.out.resolve(MODEL_FILE);
        if (Files.exists(file) && !output.force) {
            throw new UsageException(file + " already exists; choose another file or add --force to replace it");
        }
        if (model == null) {
            output.prepare();
        }
        PrintWriter out = spec.commandLine().getOut();
        ProgressReporter progress = ProgressReporter.forStderr(spec.commandLine().getErr());
        LoadedData loaded = loader.load(data, 0, progress);
        int c = loaded.classIndex(normalClass);
        ExperimentSettings s = settings.resolve(loaded.inputShape(), null);
        TransformationSet transformations = TransformationSet.parse(s.transforms(), loaded.inputShape());
        List<Image> normal = EvaluateOneVsAllUseCase.sample(loaded.dataset().train().imagesOfClass(c), s.maxTrainImages(),
                s.seed());
        progress.stage("training on " + normal.size() + " '" + loaded.className(c) + "' images, "
                + transformations.size() + " transformations, " + s.classifier(transformations.size(), s.seed()).networkName());
        long started = System.nanoTime();
        DetectorProvenance provenance = DetectorProvenance.empty()
                .with("dataset", loaded.dataset().name())
                .with("normal-class", loaded.className(c))
                .with("preset", settings.preset.name().toLowerCase(Locale.ROOT))
                .with("experiment-settings", s.toString())
                .with("geotrans-version", VersionInfo.geotrans());
        GeoTransDetector detector = trainer.get().train(new TrainDetectorCommand(normal, loaded.preprocessing(),
                transformations, s.classifier(transformations.size(), s.seed()), s.heldOutFraction(), score, provenance),
                progress.progress());
        double seconds = (System.nanoTime() - started) / 1e9;
        store.get().save(detector, file, output.force);
        progress.close();
        out.printf(Locale.ROOT, "trained %s on %d '%s' images in %s; saved to %s%n", detector.classifier().describe(),
                normal.size(), loaded.className(c), ProgressReporter.seconds(seconds), file);
        return 0;
    }
}
