package org.geotrans.adapters.cli;

import org.geotrans.adapters.libtorch.Precision;
import org.geotrans.domain.port.ClassifierBackend;
import picocli.CommandLine.Option;

/** Which engine trains the network, and in which precision where the engine offers a choice. */
final class BackendOptions {
    @Option(names = "--backend", paramLabel = "NAME",
            description = "Network engine: libtorch (default; bf16, the fastest here) or dl4j "
                    + "(Deeplearning4j, fp32).")
    ClassifierBackend backend;

    @Option(names = "--precision", paramLabel = "P",
            description = "libtorch only: bf16 (bfloat16 autocast, default) or fp32.")
    Precision precision;

    /** Hands the choice to the adapters; usage error for --precision with a backend that has no choice. */
    void applyTo(BackendSelection selection) {
        ClassifierBackend chosen = backend != null ? backend : ClassifierBackend.defaultBackend();
        if (precision != null && chosen != ClassifierBackend.LIBTORCH) {
            throw new UsageException("--precision applies to the libtorch backend only; the " + chosen.id()
                    + " backend trains in fp32");
        }
        selection.choose(chosen, precision != null ? precision : Precision.BF16);
    }
}
