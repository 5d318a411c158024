package org.geotrans.domain.training;

import org.geotrans.domain.image.ImageBatch;

/**
 * A training minibatch for the two-headed network: transformed images, the labelled category of
 * each image before it was transformed, and the index of the transformation applied to it.
 */
public record CategorizedBatch(ImageBatch images, int[] categories, int[] transformationIndices) {
    public CategorizedBatch {
        if (categories.length != images.count() || transformationIndices.length != images.count()) {
            throw new IllegalArgumentException("batch has " + images.count() + " images but " + categories.length
                    + " categories and " + transformationIndices.length + " transformation labels");
        }
    }
}
