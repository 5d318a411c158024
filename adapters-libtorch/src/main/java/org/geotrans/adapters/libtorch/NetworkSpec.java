package org.geotrans.adapters.libtorch;

import java.util.Objects;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.ClassifierSettings;

/** Everything needed to build the network: the domain settings, the input shape, the number of transformations. */
record NetworkSpec(ImageShape shape, int classes, ClassifierSettings settings) {
    NetworkSpec {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(settings, "settings");
        settings.checkNetwork(shape, classes);
    }
}
