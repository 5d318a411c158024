package org.geotrans.domain.port;

import java.util.List;
import org.geotrans.domain.image.Image;

/**
 * Trains an encoder on normal images alone, e.g. the convolutional autoencoder whose bottleneck
 * codes CAE-OC-SVM hands to the One-Class SVM. Backend-neutral: an adapter per network library
 * implements it.
 */
public interface ImageEncoderTrainer {

    /**
     * Learns from {@code normalImages}, all of one shape and already preprocessed as the network
     * sees them. The same images, settings and seed give the same encoder on the same machine and
     * build.
     *
     * @throws IllegalArgumentException for fewer than 2 images, or images of different shapes
     */
    ImageEncoder train(List<Image> normalImages, BaselineTraining training, ProgressListener progress);
}
