package org.geotrans.adapters.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.geotrans.application.evaluate.DetectorChoice;
import org.geotrans.application.evaluate.DetectorKind;
import org.geotrans.application.evaluate.EvaluateOneVsAllUseCase;
import org.geotrans.domain.port.DetectorStore;
import org.geotrans.domain.port.ClassifierBackend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"GeoTrans side by side with the baselines of the paper's Table 1 on the same one-vs-all splits "
                + "and seeds: by default the raw-pixel One-Class SVM (default nu and gamma, and the paper's hindsight choice).",
                "Ends with a Table-1-style table; --out DIR receives results.json, results.csv, results.md, "
                        + "ROC and histogram PNGs and the per-image scores."})
final class CompareCommand extends ExperimentCommand {

    @Option(names = "--detectors", paramLabel = "NAME", split = ",",
            description = {"Detectors to put side by side, in any order (reports follow Table 1's): raw-ocsvm, cae-ocsvm, "
                    + "deep-svdd, dsebm, dagmm, adgan, geotrans, or all (every one the backend runs: adgan runs on "
                    + "libtorch only). "
                    + "Default: geotrans,raw-ocsvm.",
                    "cae-ocsvm: a DCGAN-shaped convolutional autoencoder, then the One-Class SVMs on its codes; "
                            + "deep-svdd: One-Class Deep SVDD (the paper's E2E-OC-SVM).",
                    "The deep baselines train on the chosen backend in fp32, whatever --precision says."
                            + " adgan scores at most 5,000 test images (a seeded subset, as the paper's code)."})
    List<String> detectorNames;

    @Inject
    CompareCommand(Provider<EvaluateOneVsAllUseCase> experiments, Provider<BackendDescription> backend, Provider<DetectorStore> store,
                    DataLoader loader, BackendSelection selection) {
        super(experiments, backend, store, loader, selection);
    }

    @Override
    Set<DetectorKind> detectors() {
        List<DetectorChoice> chosen = new ArrayList<>();
        try {
            if (detectorNames == null) {
                chosen.addAll(DetectorChoice.DEFAULT);
            } else {
                for (String name : detectorNames) {
                    if (name.strip().equalsIgnoreCase("all")) {
                        java.util.Arrays.stream(DetectorChoice.values()).filter(this::runsOnTheBackend).forEach(chosen::add);
                    } else {
                        DetectorChoice choice = DetectorChoice.byName(name);
                        if (!runsOnTheBackend(choice)) {
                            throw new UsageException("--detectors: adgan runs on libtorch only (on DL4J it was not shown"
                                    + " to learn at a budget this CPU can run); drop --backend dl4j");
                        }
                        chosen.add(choice);
                    }
                }
            }
            return DetectorChoice.kindsOf(chosen);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--detectors: " + e.getMessage());
        }
    }

    /** ADGAN trains on libtorch alone: DL4J's took about a day per class and was not shown to learn. */
    private boolean runsOnTheBackend(DetectorChoice choice) {
        return choice != DetectorChoice.ADGAN || backendChoice() == ClassifierBackend.LIBTORCH;
    }
}
