package org.geotrans.application.evaluate;

import org.geotrans.domain.port.ProgressListener;

/** What an experiment tells its caller while it runs: stages, progress bars, finished results. */
public interface ExperimentListener {
    ExperimentListener SILENT = new ExperimentListener() { };

    /** A new long step begins. */
    default void stage(String description) {
    }

    /** Progress inside the current step. */
    default ProgressListener progress() {
        return ProgressListener.SILENT;
    }

    /** A detector finished one class in one run. */
    default void finished(RunResult result) {
    }
}
