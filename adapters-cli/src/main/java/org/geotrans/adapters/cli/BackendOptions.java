package org.geotrans.adapters.cli;

import org.geotrans.adapters.libtorch.Precision;
import org.geotrans.domain.port.ClassifierBackend;
import picocli.CommandLine.Option;

/** Which engine trains the network, and in which precision where the engine offers a choice. */
final class BackendOptions {
    @Option(names = "--backend", paramLabel = "NAME",
            description = "Network engine: libtorch (default, the fastest here) or dl4j "
                    + "(Deeplearning4j, fp32).")
    ClassifierBackend backend;

    @Option(names = "--precision", paramLabel = "P",
            description = "libtorch only: bf16 (bfloat16 autocast) or fp32. Default: bf16 on processors that compute "
                    + "bfloat16 natively (AVX512_BF16 or AMX), fp32 elsewhere, where bf16 is slower.")
    Precision precision;

    /** Hands the choice to the adapters; usage error for --precision with a backend that has no choice. */
    void applyTo(BackendSelection selection) {
        ClassifierBackend chosen = backend != null ? backend : ClassifierBackend.defaultBackend();
        if (precision != null && chosen != ClassifierBackend.LIBTORCH) {
            throw new UsageException("--precision applies to the libtorch backend only; the " + chosen.id()
                    + " backend trains in fp32");
        }
        selection.choose(chosen, precision != null ? precision : Precision.machineDefault());
    }
}
