package org.geotrans.application.evaluate;

import java.util.List;
import java.util.Set;
import org.geotrans.application.preset.ExperimentSettings;
import org.geotrans.domain.data.Dataset;
import org.geotrans.domain.image.Preprocessing;

/**
 * The paper's one-vs-all protocol (section 5.3): for each normal class, train on that class's
 * training images only and score the test set, whose other classes are the anomalies.
 */
public record OneVsAllCommand(Dataset dataset, List<Integer> normalClasses, Preprocessing preprocessing,
                              ExperimentSettings settings, Set<DetectorKind> detectors) {
    public OneVsAllCommand {
        normalClasses = List.copyOf(normalClasses);
        detectors = Set.copyOf(detectors);
        if (normalClasses.isEmpty()) {
            throw new IllegalArgumentException("choose at least one normal class");
        }
        if (detectors.isEmpty()) {
            throw new IllegalArgumentException("choose at least one detector");
        }
        for (int c : normalClasses) {
            if (c < 0 || c >= dataset.train().classNames().size()) {
                throw new IllegalArgumentException("class index " + c + " is not a class of " + dataset.name());
            }
        }
    }
}
