package org.geotrans.adapters.dl4j;

import java.util.Objects;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.ClassifierSettings;

/**
 * Everything needed to build the network: the domain settings, the input shape, the number of
 * transformations and the DL4J-specific choices (tensor layout, workspaces).
 */
record NetworkSpec(ImageShape shape, int classes, ClassifierSettings settings, Dl4jTuning tuning) {
    NetworkSpec {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(tuning, "tuning");
        settings.checkNetwork(shape, classes);
    }

    CNN2DFormat format() {
        return tuning.format();
    }

    /** The same network laid out for inference. */
    NetworkSpec forInference() {
        return tuning.inferenceFormat() == tuning.format() ? this
                : new NetworkSpec(shape, classes, settings, tuning.withFormat(tuning.inferenceFormat()));
    }

    org.deeplearning4j.nn.conf.CacheMode cacheMode() {
        return tuning.cacheMode();
    }

    WorkspaceMode workspaceMode() {
        return tuning.workspaceMode();
    }
}
