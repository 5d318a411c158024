package org.geotrans.domain.port;

import org.geotrans.domain.image.ImageBatch;
import org.geotrans.domain.image.ImageShape;

/**
 * A trained network with one body and two softmax heads (section 5.5 of the paper): one over the
 * labelled categories of a multi-class set, one over the transformations applied to an image.
 */
public interface TwoHeadClassifier {

    /** Input shape the network was built for. */
    ImageShape inputShape();

    /** Outputs of the category head. */
    int categoryCount();

    /** Outputs of the transformation head. */
    int transformationCount();

    /** Both heads' softmax for already transformed images, from one forward pass. */
    TwoHeadSoftmax predict(ImageBatch images);

    /** A short description for provenance, e.g. "two-headed WRN-10-1 on DL4J 1.0.0-M2.1 (CPU)". */
    String describe();
}
