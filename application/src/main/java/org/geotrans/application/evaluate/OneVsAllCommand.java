package org.geotrans.application.evaluate;

import java.util.List;
import java.util.Set;
import org.geotrans.application.preset.ExperimentSettings;
import org.geotrans.domain.data.Dataset;
import org.geotrans.domain.dirichlet.DirichletFitOptions;
import org.geotrans.domain.image.Preprocessing;

/**
 * The paper's one-vs-all protocol (section 5.3): for each normal class, train on that class's
 * training images only and score the test set, whose other classes are the anomalies.
 */
public record OneVsAllCommand(Dataset dataset, List<Integer> normalClasses, Preprocessing preprocessing,
                              ExperimentSettings settings, Set<DetectorKind> detectors, DirichletFitOptions dirichletFit) {
    public OneVsAllCommand {
        normalClasses = List.copyOf(normalClasses);
        detectors = Set.copyOf(detectors);
        java.util.Objects.requireNonNull(dirichletFit, "dirichletFit");
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

    /** The protocol with GeoTrans's default Dirichlet fit (clipping at 1e-12, as the golden vectors). */
    public OneVsAllCommand(Dataset dataset, List<Integer> normalClasses, Preprocessing preprocessing,
                           ExperimentSettings settings, Set<DetectorKind> detectors) {
        this(dataset, normalClasses, preprocessing, settings, detectors, DirichletFitOptions.defaults());
    }
}
