package org.geotrans.adapters.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.EnumSet;
import java.util.Set;
import org.geotrans.application.evaluate.DetectorKind;
import org.geotrans.application.evaluate.EvaluateOneVsAllUseCase;
import org.geotrans.domain.port.DetectorStore;
import org.geotrans.domain.port.TransformationClassifierProvider;
import picocli.CommandLine.Command;

@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"One-vs-all evaluation of GeoTrans (Dirichlet and simplified scores): for each normal class, "
                + "train on that class and score the test set, whose other classes are the anomalies.",
                "Ends with a Table-1-style table; --out DIR receives results.json, results.csv, results.md, "
                        + "ROC and histogram PNGs and the per-image scores."})
final class EvaluateCommand extends ExperimentCommand {

    @Inject
    EvaluateCommand(Provider<EvaluateOneVsAllUseCase> experiments, Provider<BackendDescription> backend, Provider<DetectorStore> store,
                    DataLoader loader, BackendSelection selection) {
        super(experiments, backend, store, loader, selection);
    }

    @Override
    Set<DetectorKind> detectors() {
        return EnumSet.of(DetectorKind.GEOTRANS_DIRICHLET, DetectorKind.GEOTRANS_SIMPLIFIED);
    }
}
