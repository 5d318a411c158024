package org.geotrans.domain.data;

/**
 * A dataset with its training and test parts, sharing shape and class names.
 *
 * @param name where it came from, for reports
 */
public record Dataset(String name, LabeledImages train, LabeledImages test) {
    public Dataset {
        if (!train.shape().equals(test.shape())) {
            throw new IllegalArgumentException("train images are " + train.shape() + " but test images are " + test.shape());
        }
        if (!train.classNames().equals(test.classNames())) {
            throw new IllegalArgumentException("train and test sets name different classes: " + train.classNames()
                    + " vs " + test.classNames());
        }
    }
}
