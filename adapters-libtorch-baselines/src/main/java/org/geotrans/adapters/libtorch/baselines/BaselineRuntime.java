package org.geotrans.adapters.libtorch.baselines;

import org.geotrans.adapters.libtorch.LibtorchRuntime;
import org.geotrans.adapters.libtorch.LibtorchTuning;

/** libtorch's start for the baselines: loaded once per JVM, intra-op threads on every core this JVM may use. */
final class BaselineRuntime {
    private BaselineRuntime() {
    }

    /** Loads libtorch if no network did yet and sets its threads (idempotent). */
    static void start() {
        LibtorchRuntime.ensureLoaded();
        LibtorchRuntime.useThreads(LibtorchTuning.defaults().threads());
    }

    /** Images per forward pass when encoding or scoring, as the classifier's inference batch. */
    static int inferenceBatch() {
        return LibtorchTuning.defaults().inferenceBatch();
    }
}
