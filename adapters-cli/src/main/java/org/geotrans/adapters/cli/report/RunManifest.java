package org.geotrans.adapters.cli.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.geotrans.application.checkpoint.Fingerprint;
import org.geotrans.application.checkpoint.ResumeMismatchException;
import org.geotrans.application.preset.ExperimentSettings;

/**
 * {@value #FILE} in a results folder: which command, settings, data and version wrote it, so that
 * {@code --resume} continues only the same run.
 */
public final class RunManifest {
    public static final String FILE = "geotrans-run.json";
    /** The settings' names of the decision threshold's calibration. */
    public static final String CALIBRATION_SHARE = "calibration-share";
    public static final String TARGET_FALSE_ALARM_RATE = "target-false-alarm-rate";
    private static final String FORMAT = "geotrans-run";

    private RunManifest() {
    }

    /** The settings by the names results.json gives them. */
    public static Map<String, Object> settings(ExperimentSettings settings) {
        return ResultsJson.settings(settings);
    }

    /** The file's content. */
    record Content(String format, int formatVersion, Map<String, String> fingerprint) {
    }

    /**
     * Writes the manifest of a new run, or checks a resumed run against the folder's.
     *
     * @throws ResumeMismatchException naming the first part that differs, or when a resumed folder
     *     holds results but no manifest
     */
    public static void prepare(Path dir, Fingerprint run, boolean resume) throws IOException {
        Path file = dir.resolve(FILE);
        if (resume && Files.exists(file)) {
            Content found = JsonFiles.read(file, Content.class);
            if (!FORMAT.equals(found.format()) || found.fingerprint() == null) {
                throw new ResumeMismatchException(file + " is not the manifest of a GeoTrans run");
            }
            Optional<Fingerprint.Mismatch> mismatch = run.mismatch(new Fingerprint(found.fingerprint()));
            if (mismatch.isPresent()) {
                throw new ResumeMismatchException("the run in " + dir + " is another", mismatch.get());
            }
            return;
        }
        if (resume && hasResults(dir)) {
            throw new ResumeMismatchException(dir + " holds files but no " + FILE + ": nothing this version can resume");
        }
        JsonFiles.writeAtomically(file, new Content(FORMAT, 1, run.parts()));
    }

    /** Hidden files (the lock marker a run holds on its folder) are not results. */
    private static boolean hasResults(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.anyMatch(p -> !p.getFileName().toString().startsWith("."));
        }
    }
}
