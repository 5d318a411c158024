package org.geotrans.adapters.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.geotrans.application.checkpoint.CheckpointFiles;
import org.geotrans.application.checkpoint.CheckpointPolicy;
import org.geotrans.application.checkpoint.ResumeMismatchException;
import org.geotrans.application.evaluate.OneVsAllSplit;
import org.geotrans.application.preset.ExperimentSettings;
import org.geotrans.application.train.CalibrationPlan;
import org.geotrans.application.train.TrainDetectorCommand;
import org.geotrans.application.train.TrainDetectorUseCase;
import org.geotrans.domain.decision.DecisionThreshold;
import org.geotrans.domain.detector.DetectorProvenance;
import org.geotrans.domain.detector.GeoTransDetector;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.port.DetectorStore;
import org.geotrans.domain.port.TransformationClassifierProvider;
import org.geotrans.domain.score.ScoreType;
import org.geotrans.domain.transform.TransformationSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Trains one detector and saves it. The normal images are those evaluate uses in its run with
 * the same seed ({@link OneVsAllSplit}), so train and then score reproduce evaluate's scores.
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

    @Option(names = "--calibration-data", paramLabel = "PATH",
            description = "Normal images the network never sees, to calibrate the decision threshold on instead of a"
                    + " held-out share: one image file, a folder of them or a zip, prepared as the training images;"
                    + " unreadable files are skipped with a line each.")
    Path calibrationData;

    @Mixin
    SettingsOptions settings;
    @Mixin
    BackendOptions backend;
    @Mixin
    OutputOptions output;
    @Mixin
    ResumeOptions resume;

    private final Provider<TrainDetectorUseCase> trainer;
    private final Provider<DetectorStore> store;
    private final DataLoader loader;
    private final OneVsAllSplit split;
    private final BackendSelection selection;

    @Inject
    TrainCommand(Provider<TrainDetectorUseCase> trainer, Provider<DetectorStore> store, DataLoader loader, OneVsAllSplit split,
                 BackendSelection selection) {
        this.trainer = trainer;
        this.store = store;
        this.loader = loader;
        this.split = split;
        this.selection = selection;
    }

    @Override
    public Integer call() throws Exception {
        data.validate();
        settings.validate(null);
        if (calibrationData != null && settings.calibrationShare != null && settings.calibrationShare > 0) {
            throw new UsageException("--calibration-data replaces the held-out share: leave out --calibration-share");
        }
        if (model == null && output.out == null) {
            throw new UsageException("say where to save the detector: --model FILE or --out DIR");
        }
        backend.applyTo(selection);
        if (resume.resume && output.out == null) {
            throw new UsageException("--resume continues the training whose checkpoints are in an --out folder; "
                    + "say which with --out DIR");
        }
        resume.interval();
        Path file = model != null ? model : output.out.resolve(MODEL_FILE);
        PrintWriter out = spec.commandLine().getOut();
        // an empty model file is the reservation of a run that was killed; resuming takes it over
        boolean leftByKilledRun = resume.resume && Files.isRegularFile(file) && Files.size(file) == 0;
        if (leftByKilledRun) {
            Files.delete(file);
        }
        if (Files.exists(file) && resume.resume && !output.force) {
            out.println("already trained: " + file + " exists; nothing to resume");
            return 0;
        }
        if (Files.exists(file) && !output.force) {
            throw new UsageException(file + " already exists; choose another file or add --force to replace it");
        }
        try (OutputFolder folder = output.prepare(resume.resume)) {
            train(file, folder, out);
        }
        return 0;
    }

    private void train(Path file, OutputFolder folder, PrintWriter out) throws Exception {
        ProgressReporter progress = ProgressReporter.forStderr(spec.commandLine().getErr());
        LoadedData loaded = loader.load(data, 0, progress);
        int c = loaded.classIndex(normalClass);
        ExperimentSettings s = settings.resolve(loaded.inputShape(), null);
        TransformationSet transformations = s.transforms();
        List<Image> classImages = loaded.dataset().train().imagesOfClass(c);
        List<Image> normal = split.pick(classImages, split.trainingSample(classImages.size(), s.maxTrainImages(), s.seed()));
        int calibrating = s.calibration().heldOutOf(normal.size());
        progress.stage("training on " + (normal.size() - calibrating) + " '" + loaded.className(c) + "' images"
                + (calibrating > 0 && calibrationData == null ? " (" + calibrating + " more held out to calibrate the"
                        + " threshold)" : "") + ", "
                + transformations.size() + " transformations, " + s.classifier(transformations.size(), s.seed()).networkName());
        long started = System.nanoTime();
        DetectorProvenance provenance = DetectorProvenance.empty()
                .with("dataset", loaded.dataset().name())
                .with("normal-class", loaded.className(c))
                .with("preset", settings.preset.name().toLowerCase(Locale.ROOT))
                .with("experiment-settings", s.toString())
                .with("geotrans-version", VersionInfo.geotrans());
        CheckpointPolicy checkpoints = null;
        if (folder != null) {
            java.util.Map<String, String> more = new java.util.LinkedHashMap<>();
            more.put("normal class", loaded.className(c));
            more.put("score", score.name());
            more.putAll(settings.fingerprintParts());
            checkpoints = Resumption.start(folder.dir(), Resumption.fingerprint(spec.name(), s, more, loaded,
                    selection.engineVersion()), resume, progress).policy();
        }
        // the file is claimed before training, so that a second run to it fails now, not hours later;
        // after Resumption.start has written the manifest, which would take the empty claim in a fresh
        // --out folder for a result it cannot resume
        try (Reservation reserved = output.force ? null : Reservation.claim(file, file
                + " already exists; choose another file or add --force to replace it")) {
            GeoTransDetector detector;
            try {
                detector = trainer.get().train(new TrainDetectorCommand(normal, loaded.preprocessing(),
                        transformations, s.classifier(transformations.size(), s.seed()), s.heldOutFraction(), score, provenance,
                        calibration(s, loaded, progress), settings.dirichletFit()), progress.progress(), checkpoints);
            } catch (ResumeMismatchException e) {
                throw Resumption.usage(e);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            // replaces this run's empty reservation (or, with --force, any file) in one atomic step
            store.get().save(detector, file, true);
            if (reserved != null) {
                reserved.keep();
            }
            if (checkpoints != null) {
                CheckpointFiles.deleteAll(checkpoints.folder());
            }
            progress.close();
            out.printf(Locale.ROOT, "trained %s on %d '%s' images in %s; saved to %s%n", detector.classifier().describe(),
                    normal.size(), loaded.className(c), ProgressReporter.seconds(seconds), file);
            if (detector.threshold().isPresent()) {
                DecisionThreshold t = detector.threshold().get();
                out.printf(Locale.ROOT, "decision threshold at a false-alarm rate of %s on %d normal images (%s): %s %.6g%n",
                        t.targetFalseAlarmRate(), t.calibrationImages(), t.source(),
                        detector.defaultScore().name().toLowerCase(Locale.ROOT), t.value(detector.defaultScore()));
            } else {
                out.println("no decision threshold: " + (s.calibrationShare() == 0 ? "--calibration-share is 0"
                        : "too few normal images to hold any out") + "; give score a --threshold, or train with"
                        + " --calibration-share or --calibration-data");
            }
        }
    }

    /** The held-out share of the settings, or the images of --calibration-data at the training images' shape. */
    private CalibrationPlan calibration(ExperimentSettings s, LoadedData loaded, ProgressReporter progress)
            throws java.io.IOException {
        if (calibrationData == null) {
            return s.calibration();
        }
        progress.stage("reading the calibration images of " + calibrationData);
        LooseImages reader = new LooseImages();
        List<Image> images = reader.readAll(calibrationData, loaded.rawShape(), progress);
        progress.close();
        if (images.isEmpty()) {
            throw new java.io.IOException(calibrationData + ": no readable calibration image among its "
                    + reader.skipped().size() + " files");
        }
        String skipped = reader.skipped().isEmpty() ? "" : ", " + reader.skipped().size() + " unreadable files skipped";
        return CalibrationPlan.separate(s.targetFalseAlarmRate(), images, images.size() + " normal images of "
                + calibrationData + skipped);
    }
}
