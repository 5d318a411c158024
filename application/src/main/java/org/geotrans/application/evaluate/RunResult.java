package org.geotrans.application.evaluate;

import java.util.Map;
import java.util.stream.IntStream;
import org.geotrans.domain.decision.DecisionMetrics;

/**
 * One detector on one normal class in one run.
 *
 * @param scores the scored test images' scores, higher = more normal
 * @param normal whether each scored test image belongs to the normal class
 * @param testPositions which of the report's test images ({@link OneVsAllReport#testIndices}) each
 *     score belongs to, as positions there, increasing: all of them, 0 .. n - 1, unless the
 *     detector scores a capped subset (ADGAN, as the reference code); null reads as all of them
 *     (units recorded before detectors could score a subset)
 * @param trainingSample the normal training images the detector learnt from: indices into the
 *     class's training images ({@code LabeledImages.imagesOfClass}), increasing
 * @param details detector-specific facts (chosen nu and gamma, training image counts)
 * @param atThreshold the decisions at the detector's calibrated threshold on the test images;
 *     null for a detector without one (and in units recorded before thresholds existed)
 */
public record RunResult(int classIndex, String className, DetectorKind detector, int run, long seed,
                        double auroc, double auprIn, double auprOut, double trainSeconds, double scoreSeconds,
                        double[] scores, boolean[] normal, int[] testPositions, int[] trainingSample,
                        Map<String, String> details, DecisionMetrics atThreshold) {

    public RunResult {
        if (testPositions == null) {
            testPositions = IntStream.range(0, scores.length).toArray();
        }
        if (normal.length != scores.length || testPositions.length != scores.length) {
            throw new IllegalArgumentException(scores.length + " scores need as many labels and test positions, got "
                    + normal.length + " and " + testPositions.length);
        }
    }
}
