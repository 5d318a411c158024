package org.geotrans.application.ood;

import java.util.List;
import java.util.Objects;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.Preprocessing;

/**
 * Raw images (values 0..255) that do not belong to the in-distribution set, with the paper's
 * preprocessing for their own dataset (Fashion-MNIST is padded, CIFAR only scaled).
 *
 * @param name how the reports call the set, e.g. "cifar10 classes 5-9"
 */
public record OutOfDistributionSet(String name, List<Image> images, Preprocessing preprocessing) {
    public OutOfDistributionSet {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(preprocessing, "preprocessing");
        images = List.copyOf(images);
        if (images.isEmpty()) {
            throw new IllegalArgumentException("out-of-distribution set " + name + " has no images");
        }
    }
}
