package org.geotrans.adapters.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.EnumSet;
import java.util.Set;
import org.geotrans.application.evaluate.DetectorKind;
import org.geotrans.application.evaluate.EvaluateOneVsAllUseCase;
import org.geotrans.domain.port.TransformationClassifierProvider;
import picocli.CommandLine.Command;

@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"GeoTrans side by side with the raw-pixel One-Class SVM (default nu and gamma, and the paper's "
                + "hindsight choice) on the same one-vs-all splits.",
                "Ends with a Table-1-style table; --out DIR receives results.json, results.csv, results.md, "
                        + "ROC and histogram PNGs and the per-image scores."})
final class CompareCommand extends ExperimentCommand {

    @Inject
    CompareCommand(Provider<EvaluateOneVsAllUseCase> experiments, Provider<BackendDescription> backend, DataLoader loader,
                    BackendSelection selection) {
        super(experiments, backend, loader, selection);
    }

    @Override
    Set<DetectorKind> detectors() {
        return EnumSet.allOf(DetectorKind.class);
    }
}
