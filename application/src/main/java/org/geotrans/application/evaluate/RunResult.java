package org.geotrans.application.evaluate;

import java.util.Map;
import org.geotrans.domain.decision.DecisionMetrics;

/**
 * One detector on one normal class in one run.
 *
 * @param scores the test images' scores, higher = more normal
 * @param normal whether each test image belongs to the normal class
 * @param trainingSample the normal training images the detector learnt from: indices into the
 *     class's training images ({@code LabeledImages.imagesOfClass}), increasing
 * @param details detector-specific facts (chosen nu and gamma, training image counts)
 * @param atThreshold the decisions at the detector's calibrated threshold on the test images;
 *     null for a detector without one (and in units recorded before thresholds existed)
 */
public record RunResult(int classIndex, String className, DetectorKind detector, int run, long seed,
                        double auroc, double auprIn, double auprOut, double trainSeconds, double scoreSeconds,
                        double[] scores, boolean[] normal, int[] trainingSample,
                        Map<String, String> details, DecisionMetrics atThreshold) {
}
