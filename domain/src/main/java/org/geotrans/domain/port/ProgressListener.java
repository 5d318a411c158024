package org.geotrans.domain.port;

/** Receives progress of long work; called from the working thread, so implementations stay cheap. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener SILENT = p -> { };

    void onProgress(TrainingProgress progress);
}
