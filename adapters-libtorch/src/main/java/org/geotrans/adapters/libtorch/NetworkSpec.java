package org.geotrans.adapters.libtorch;

import java.util.Objects;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.ClassifierSettings;

/**
 * Everything needed to build the network: the domain settings, the input shape, the number of
 * transformations and the revision of its padding and pooling (the reference's for new networks).
 */
record NetworkSpec(ImageShape shape, int classes, ClassifierSettings settings, NetworkRevision revision) {
    NetworkSpec {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(revision, "revision");
        settings.checkNetwork(shape, classes);
    }

    NetworkSpec(ImageShape shape, int classes, ClassifierSettings settings) {
        this(shape, classes, settings, NetworkRevision.current());
    }

    /** Values per channel that reach the dense layer. */
    long pooledCells() {
        return revision == NetworkRevision.KERAS_SAME ? ClassifierSettings.pooledCells(shape) : 1;
    }
}
