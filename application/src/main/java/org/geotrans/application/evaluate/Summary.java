package org.geotrans.application.evaluate;

/** Mean and standard error of the mean over the runs of one detector on one class, as in Table 1. */
public record Summary(int classIndex, String className, DetectorKind detector, int runs, double aurocMean,
                      double aurocSem, double auprInMean, double auprOutMean) {
}
