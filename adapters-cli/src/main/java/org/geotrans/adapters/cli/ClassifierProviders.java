package org.geotrans.adapters.cli;

import org.geotrans.domain.port.ClassifierBackend;
import org.geotrans.domain.port.TransformationClassifierProvider;

/** The transformation classifier of each backend; starting one happens on the first call for it. */
@FunctionalInterface
interface ClassifierProviders {
    TransformationClassifierProvider of(ClassifierBackend backend);
}
