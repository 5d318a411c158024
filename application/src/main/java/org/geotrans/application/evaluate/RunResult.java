package org.geotrans.application.evaluate;

import java.util.Map;

/**
 * One detector on one normal class in one run.
 *
 * @param scores the test images' scores, higher = more normal
 * @param normal whether each test image belongs to the normal class
 * @param trainingSample the normal training images the detector learnt from: indices into the
 *     class's training images ({@code LabeledImages.imagesOfClass}), increasing
 * @param details detector-specific facts (chosen nu and gamma, training image counts)
 */
public record RunResult(int classIndex, String className, DetectorKind detector, int run, long seed,
                        double auroc, double auprIn, double auprOut, double trainSeconds, double scoreSeconds,
                        double[] scores, boolean[] normal, int[] trainingSample,
                        Map<String, String> details) {
}
