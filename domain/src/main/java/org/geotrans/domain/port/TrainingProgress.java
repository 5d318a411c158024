package org.geotrans.domain.port;

/**
 * A snapshot of a long-running step, for progress bars and logs.
 *
 * @param stage what is running
 * @param epoch current epoch, 1-based (0 where not applicable)
 * @param epochs total epochs (0 where not applicable)
 * @param done units finished in this stage (batches or images)
 * @param total units in this stage
 * @param loss last training loss, NaN where not applicable
 * @param imagesPerSecond recent throughput
 * @param etaSeconds estimated seconds left in this stage, negative when unknown
 */
public record TrainingProgress(ProgressStage stage, int epoch, int epochs, long done, long total, double loss,
                               double imagesPerSecond, double etaSeconds) {
}
