package org.geotrans.application.checkpoint;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where and how often a training saves checkpoints.
 *
 * @param folder the training's own checkpoint folder (created when missing); a training resumes
 *     from what it finds there
 * @param interval the time between two checkpoints
 * @param requests saves asked for from outside (a signal), shared by the trainings of a process
 * @param notes receives one-line notes: where a training resumed, a damaged checkpoint passed over
 * @param version the program's version, part of the digest a resume must match
 */
public record CheckpointPolicy(Path folder, Duration interval, SaveRequests requests, Consumer<String> notes,
                               String version) {
    /** The default interval between checkpoints. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(10);

    public CheckpointPolicy {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(notes, "notes");
        Objects.requireNonNull(version, "version");
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the checkpoint interval must be positive, got " + interval);
        }
    }

    /** The same policy for another folder (one per unit of an experiment). */
    public CheckpointPolicy in(Path otherFolder) {
        return new CheckpointPolicy(otherFolder, interval, requests, notes, version);
    }
}
