package org.geotrans.domain.data;

import java.util.List;

/**
 * A dataset with its training and test parts, sharing shape and class names.
 *
 * @param name where it came from, for reports
 * @param notes what a user should know about the data before trusting a detector trained on it
 *     (e.g. an artefact that a network can read instead of the content), one line each
 */
public record Dataset(String name, LabeledImages train, LabeledImages test, List<String> notes) {
    public Dataset {
        if (!train.shape().equals(test.shape())) {
            throw new IllegalArgumentException("train images are " + train.shape() + " but test images are " + test.shape());
        }
        if (!train.classNames().equals(test.classNames())) {
            throw new IllegalArgumentException("train and test sets name different classes: " + train.classNames()
                    + " vs " + test.classNames());
        }
        notes = List.copyOf(notes);
    }

    public Dataset(String name, LabeledImages train, LabeledImages test) {
        this(name, train, test, List.of());
    }
}
