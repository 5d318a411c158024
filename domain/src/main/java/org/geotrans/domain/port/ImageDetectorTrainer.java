package org.geotrans.domain.port;

import java.util.List;
import org.geotrans.domain.image.Image;

/**
 * Trains a deep anomaly detector on normal images alone (Deep SVDD, and the other deep baselines
 * of the paper's Table 1). Backend-neutral: an adapter per network library implements it.
 */
public interface ImageDetectorTrainer {

    /**
     * Learns from {@code normalImages}, all of one shape and already preprocessed as the network
     * sees them (the paper's [-1, 1] scaling and padding). The same images, settings and seed give
     * the same detector on the same machine and build.
     *
     * @throws IllegalArgumentException for fewer than 2 images, or images of different shapes
     */
    ImageDetector train(List<Image> normalImages, BaselineTraining training, ProgressListener progress);
}
