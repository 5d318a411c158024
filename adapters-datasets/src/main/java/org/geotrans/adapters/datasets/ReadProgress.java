package org.geotrans.adapters.datasets;

import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.port.ProgressStage;
import org.geotrans.domain.port.TrainingProgress;

/** Reports images read per stage (training or test images) with throughput and an estimate of time left. */
final class ReadProgress {
    private final ProgressListener listener;
    private final ProgressStage stage;
    private final long total;
    private final long startNanos;

    private ReadProgress(ProgressListener listener, ProgressStage stage, long total) {
        this.listener = listener;
        this.stage = stage;
        this.total = total;
        this.startNanos = System.nanoTime();
    }

    static ReadProgress start(ProgressListener listener, ProgressStage stage, long total) {
        ReadProgress p = new ReadProgress(listener, stage, total);
        p.done(0);
        return p;
    }

    void done(long done) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double perSecond = seconds > 0 ? done / seconds : 0;
        double eta = perSecond > 0 ? (total - done) / perSecond : -1;
        listener.onProgress(new TrainingProgress(stage, 0, 0, done, total, Double.NaN, perSecond, eta));
    }
}
