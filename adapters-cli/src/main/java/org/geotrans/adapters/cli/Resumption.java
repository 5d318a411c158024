package org.geotrans.adapters.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.geotrans.adapters.cli.report.RunManifest;
import org.geotrans.adapters.cli.report.UnitFiles;
import org.geotrans.application.checkpoint.CheckpointPolicy;
import org.geotrans.application.checkpoint.Fingerprint;
import org.geotrans.application.checkpoint.ResumeMismatchException;
import org.geotrans.application.checkpoint.SaveRequests;
import org.geotrans.application.preset.ExperimentSettings;
import org.geotrans.domain.image.Image;

/**
 * What train, evaluate and compare share to survive a kill: the run's fingerprint checked or
 * written in the --out folder, and a checkpoint written when the process gets SIGTERM or SIGINT.
 */
final class Resumption {
    /** How long the exit waits for the running training to reach a step boundary and save. */
    static final Duration SIGNAL_WAIT = Duration.ofSeconds(60);

    private final CheckpointPolicy policy;
    private final Fingerprint fingerprint;

    private Resumption(CheckpointPolicy policy, Fingerprint fingerprint) {
        this.policy = policy;
        this.fingerprint = fingerprint;
    }

    /**
     * Checks a resumed run against the folder (a usage error naming the difference), or starts a
     * new one there (removing an earlier run's units and checkpoints when --force replaces it),
     * and saves a checkpoint on SIGTERM and SIGINT from now on.
     */
    static Resumption start(Path dir, Fingerprint fingerprint, ResumeOptions options, ProgressReporter progress)
            throws IOException {
        try {
            if (!options.resume) {
                UnitFiles.deleteEarlierRun(dir);
            }
            RunManifest.prepare(dir, fingerprint, options.resume);
        } catch (ResumeMismatchException e) {
            throw usage(e);
        }
        SaveRequests requests = new SaveRequests();
        Resumption r = new Resumption(new CheckpointPolicy(dir.resolve("checkpoints"), options.interval(), requests,
                progress::note, fingerprint.parts().get("version")), fingerprint);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (requests.saveNowAndWait(SIGNAL_WAIT)) {
                    progress.note("checkpoint written before exit; continue with --resume");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "geotrans-checkpoint-on-exit"));
        return r;
    }

    static UsageException usage(ResumeMismatchException e) {
        return new UsageException("--resume: " + e.getMessage() + e.mismatch().flatMap(Resumption::engineHint).orElse(""));
    }

    /**
     * The options that continue a run begun on another engine or precision of this version: a
     * checkpoint taken in fp32 is refused in bf16 (the default on another processor) because the
     * result would equal neither run, and the message alone would not say which option to add.
     */
    static Optional<String> engineHint(Fingerprint.Mismatch mismatch) {
        if (!"version".equals(mismatch.part()) || mismatch.there() == null || mismatch.now() == null) {
            return Optional.empty();
        }
        Optional<EngineVersion> there = EngineVersion.parse(mismatch.there());
        Optional<EngineVersion> now = EngineVersion.parse(mismatch.now());
        if (there.isEmpty() || now.isEmpty() || !there.get().geotrans().equals(now.get().geotrans())) {
            return Optional.empty();
        }
        EngineVersion begun = there.get();
        String options = (begun.backend().equals(now.get().backend()) ? "" : " --backend " + begun.backend())
                + (begun.precision() == null || begun.precision().equals(now.get().precision()) ? ""
                        : " --precision " + begun.precision());
        return options.isEmpty() ? Optional.empty()
                : Optional.of("; it was begun on " + begun.backend() + (begun.precision() == null ? "" : " in " + begun.precision())
                        + ": add" + options + " to continue it");
    }

    CheckpointPolicy policy() {
        return policy;
    }

    Fingerprint fingerprint() {
        return fingerprint;
    }

    /**
     * The parts a resumed run must share with the one that wrote the folder, each setting a part
     * of its own so that a mismatch names it.
     */
    static Fingerprint fingerprint(String command, ExperimentSettings settings, Map<String, String> more, LoadedData data,
                                   EngineVersion engine) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("command", command);
        RunManifest.settings(settings).forEach((name, value) -> parts.put(name, String.valueOf(value)));
        if (settings.calibrationShare() == 0) {
            // runs recorded before thresholds existed have neither part: without calibration they resume
            parts.remove(RunManifest.CALIBRATION_SHARE);
            parts.remove(RunManifest.TARGET_FALSE_ALARM_RATE);
        }
        parts.putAll(more);
        List<Image> images = new java.util.ArrayList<>(data.dataset().train().images());
        images.addAll(data.dataset().test().images());
        parts.put("data", data.dataset().name() + ", " + data.dataset().train().size() + " training and "
                + data.dataset().test().size() + " test images, SHA-256 " + Fingerprint.digest(images) + ", labels "
                + java.util.Arrays.hashCode(data.dataset().train().labels()) + "/"
                + java.util.Arrays.hashCode(data.dataset().test().labels()));
        parts.put("version", engine.toString());
        return new Fingerprint(parts);
    }
}
