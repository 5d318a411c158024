package org.geotrans.domain.port;

import java.util.List;
import org.geotrans.domain.image.Image;

/** A trained deep anomaly detector: one normality score per image. */
public interface ImageDetector {

    /**
     * The images' scores, higher = more normal; images preprocessed as the training images were.
     *
     * @throws IllegalArgumentException when an image's shape is not the training images'
     */
    double[] scores(List<Image> images, ProgressListener progress);

    /** What was trained, for reports: the network and its settings, e.g. "Deep SVDD, LeNet-type, 128-d". */
    String describe();
}
