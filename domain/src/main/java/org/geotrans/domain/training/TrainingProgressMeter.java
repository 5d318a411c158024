package org.geotrans.domain.training;

import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.port.ProgressStage;
import org.geotrans.domain.port.TrainingProgress;

/**
 * Throughput, ETA and throttled reporting across a whole training run, for every backend's
 * trainer: a smoothed images/s (the first batch includes warm-up, so its rate only seeds the
 * average) and at most one report every half second, plus the first batch and each epoch's end.
 */
public final class TrainingProgressMeter {
    private static final long REPORT_EVERY_NANOS = 500_000_000L;
    private static final double RATE_SMOOTHING = 0.1;

    private final ProgressListener listener;
    private final int epochs;
    private final long totalBatches;
    private final long totalImages;
    private long batches;
    private long images;
    private long last = System.nanoTime();
    private long lastReport;
    private double rate = Double.NaN;

    public TrainingProgressMeter(ProgressListener listener, int epochs, long totalBatches, long totalImages) {
        this.listener = listener;
        this.epochs = epochs;
        this.totalBatches = totalBatches;
        this.totalImages = totalImages;
    }

    /** A resumed training starts counting where the checkpoint stood. */
    public void resumeAt(long doneBatches, long doneImages) {
        batches = doneBatches;
        images = doneImages;
    }

    /** One batch of {@code count} images is trained, in 1-based {@code epoch}, with this loss. */
    public void batchDone(int epoch, int count, double loss, boolean endOfEpoch) {
        long now = System.nanoTime();
        double instant = count * 1e9 / Math.max(1, now - last);
        last = now;
        rate = Double.isNaN(rate) ? instant : rate + RATE_SMOOTHING * (instant - rate);
        batches++;
        images += count;
        if (endOfEpoch || batches == 1 || now - lastReport >= REPORT_EVERY_NANOS) {
            lastReport = now;
            double eta = rate > 0 ? Math.max(0, totalImages - images) / rate : -1;
            listener.onProgress(new TrainingProgress(ProgressStage.TRAIN, epoch, epochs, batches, totalBatches, loss, rate, eta));
        }
    }
}
