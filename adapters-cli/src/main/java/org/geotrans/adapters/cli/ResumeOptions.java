package org.geotrans.adapters.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** Continuing a killed run in its --out folder, and how often training saves checkpoints there. */
final class ResumeOptions {
    @Option(names = "--resume", description = "Continue the run in the --out folder: finished units are read back, "
            + "the unfinished training continues from its last checkpoint; the result equals an uninterrupted run's. "
            + "Settings, data and version must be the run's. A missing or empty folder starts a new run.")
    boolean resume;

    @Option(names = "--checkpoint-every", paramLabel = "MINUTES", defaultValue = "10",
            description = "Minutes between training checkpoints in the --out folder (decimals allowed; default: ${DEFAULT-VALUE}). "
                    + "SIGTERM and SIGINT also write one.")
    double checkpointMinutes;

    Duration interval() {
        if (!(checkpointMinutes > 0) || checkpointMinutes > 60 * 24 * 365) {
            throw new UsageException("--checkpoint-every must be a positive number of minutes, found " + checkpointMinutes);
        }
        return Duration.ofNanos(Math.max(1, Math.round(checkpointMinutes * 60e9)));
    }
}
