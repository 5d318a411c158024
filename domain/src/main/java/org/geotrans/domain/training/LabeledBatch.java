package org.geotrans.domain.training;

import org.geotrans.domain.image.ImageBatch;

/**
 * A training minibatch: transformed images and, for each, the index of the transformation that
 * was applied (the self-supervised label).
 */
public record LabeledBatch(ImageBatch images, int[] transformationIndices) {
    public LabeledBatch {
        if (transformationIndices.length != images.count()) {
            throw new IllegalArgumentException("batch has " + images.count() + " images but "
                    + transformationIndices.length + " labels");
        }
    }
}
