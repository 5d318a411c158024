package org.geotrans.domain.port;

import java.util.List;
import org.geotrans.domain.image.Image;

/** A trained encoder: one fixed-length code per image. */
public interface ImageEncoder {

    /**
     * The images' codes, one row per image, each {@link #codeLength()} long; images preprocessed
     * as the training images were.
     *
     * @throws IllegalArgumentException when an image's shape is not the training images'
     */
    float[][] encode(List<Image> images, ProgressListener progress);

    /** The length of every code. */
    int codeLength();

    /** What was trained, for reports: the network and its settings. */
    String describe();
}
