package org.geotrans.adapters.cli;

import com.google.inject.Singleton;
import org.geotrans.adapters.libtorch.Precision;
import org.geotrans.domain.port.ClassifierBackend;

/**
 * The backend this run of the command line trains on, set by the command from its options before
 * it asks for a use case; the module's providers read it. One command runs per process.
 */
@Singleton
final class BackendSelection {
    private ClassifierBackend backend = ClassifierBackend.defaultBackend();
    private Precision precision = Precision.machineDefault();

    void choose(ClassifierBackend chosen, Precision chosenPrecision) {
        this.backend = chosen;
        this.precision = chosenPrecision;
    }

    ClassifierBackend backend() {
        return backend;
    }

    Precision precision() {
        return precision;
    }

    /** This GeoTrans, the backend and libtorch's precision: a resumed run must train the way the first did. */
    EngineVersion engineVersion() {
        return new EngineVersion(VersionInfo.geotrans(), backend.id(),
                backend == ClassifierBackend.LIBTORCH ? precision.name().toLowerCase(java.util.Locale.ROOT) : null);
    }

    /** The backend, with libtorch's precision ("libtorch (fp32)"). */
    String describe() {
        return engineVersion().engine();
    }
}
