package org.geotrans.adapters.cli.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.geotrans.application.checkpoint.CheckpointFiles;
import org.geotrans.application.checkpoint.CheckpointPolicy;
import org.geotrans.application.checkpoint.Fingerprint;
import org.geotrans.application.checkpoint.ResumeMismatchException;
import org.geotrans.application.evaluate.RunResult;
import org.geotrans.application.evaluate.Unit;
import org.geotrans.application.evaluate.UnitJournal;
import org.geotrans.domain.detector.GeoTransDetector;
import org.geotrans.domain.port.DetectorStore;

/**
 * Finished units as JSON files, {@code units/CLASS-runR.json} (every detector's per-image scores,
 * metrics, timings and the run's fingerprint), each written atomically the moment its unit ends;
 * the unfinished unit's training checkpoints go to {@code checkpoints/CLASS-runR/} and are
 * deleted once the unit is recorded; with a model store, each unit's trained GeoTrans detector is
 * kept as {@code models/CLASS-runR.geotrans}.
 */
public final class UnitFiles implements UnitJournal {
    static final String UNITS = "units";
    static final String CHECKPOINTS = "checkpoints";
    public static final String MODELS = "models";
    private static final String FORMAT = "geotrans-unit";

    private final Path dir;
    private final Fingerprint run;
    private final CheckpointPolicy checkpoints;
    private final DetectorStore models;

    /**
     * @param dir the results folder
     * @param run what the recorded units must share with this run
     * @param checkpoints the checkpoint settings; its folder is replaced by one per unit
     */
    public UnitFiles(Path dir, Fingerprint run, CheckpointPolicy checkpoints) {
        this(dir, run, checkpoints, null);
    }

    /** As above, keeping every unit's trained detector through {@code models} (null: none). */
    public UnitFiles(Path dir, Fingerprint run, CheckpointPolicy checkpoints, DetectorStore models) {
        this.dir = dir;
        this.run = run;
        this.checkpoints = checkpoints;
        this.models = models;
    }

    /** One unit's file. */
    record Content(String format, int formatVersion, Map<String, String> fingerprint, int classIndex, String className,
                   int run, long seed, List<RunResult> results) {
    }

    /** Deletes the units, checkpoints and models of an earlier run: a new run in a folder replaced with --force. */
    public static void deleteEarlierRun(Path dir) throws IOException {
        for (String sub : List.of(UNITS, CHECKPOINTS, MODELS)) {
            Path folder = dir.resolve(sub);
            if (Files.isDirectory(folder)) {
                try (var walk = Files.walk(folder)) {
                    for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    @Override
    public Optional<List<RunResult>> finished(Unit unit) throws IOException {
        Path file = file(unit);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Content found = JsonFiles.read(file, Content.class);
        if (!FORMAT.equals(found.format()) || found.results() == null || found.fingerprint() == null) {
            throw new IOException(file + " is not a GeoTrans unit");
        }
        Optional<Fingerprint.Mismatch> mismatch = run.mismatch(new Fingerprint(found.fingerprint()));
        if (mismatch.isPresent()) {
            throw new ResumeMismatchException(file + " belongs to another run", mismatch.get());
        }
        if (found.classIndex() != unit.classIndex() || found.run() != unit.run() || found.seed() != unit.seed()) {
            throw new ResumeMismatchException(file + " holds class " + found.classIndex() + ", run " + found.run()
                    + ", seed " + found.seed() + " instead of class " + unit.classIndex() + ", run " + unit.run()
                    + ", seed " + unit.seed());
        }
        // a kill between writing the unit and deleting its checkpoints leaves them behind
        CheckpointFiles.deleteAll(checkpointFolder(unit));
        return Optional.of(found.results());
    }

    @Override
    public void record(Unit unit, List<RunResult> results) throws IOException {
        Files.createDirectories(dir.resolve(UNITS));
        JsonFiles.writeAtomically(file(unit), new Content(FORMAT, 1, run.parts(), unit.classIndex(), unit.className(),
                unit.run(), unit.seed(), results));
        CheckpointFiles.deleteAll(checkpointFolder(unit));
    }

    /** Written again when a resumed unit retrains or restores its network: the same detector. */
    @Override
    public void keep(Unit unit, GeoTransDetector detector) throws IOException {
        if (models != null) {
            Files.createDirectories(dir.resolve(MODELS));
            models.save(detector, model(unit), true);
        }
    }

    /** Where {@link #keep} puts the unit's detector. */
    private Path model(Unit unit) {
        return dir.resolve(MODELS).resolve(name(unit) + ".geotrans");
    }

    @Override
    public CheckpointPolicy checkpoints(Unit unit) {
        return checkpoints.in(checkpointFolder(unit));
    }

    private Path file(Unit unit) {
        return dir.resolve(UNITS).resolve(name(unit) + ".json");
    }

    private Path checkpointFolder(Unit unit) {
        return dir.resolve(CHECKPOINTS).resolve(name(unit));
    }

    private static String name(Unit unit) {
        return Slugs.ofClass(unit.classIndex(), unit.className()) + "-run" + unit.run();
    }
}
