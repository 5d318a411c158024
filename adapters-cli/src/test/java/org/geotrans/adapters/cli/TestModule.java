package org.geotrans.adapters.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.util.Modules;
import java.util.ArrayList;
import java.util.List;
import org.geotrans.application.FakeClassifiers;
import org.geotrans.domain.port.TransformationClassifierProvider;

/**
 * Replaces the DL4J parts of {@link CliModule} (network, backend description, benchmark) with
 * fakes; everything else (readers, libsvm, the zip store) stays the production wiring.
 */
final class TestModule extends AbstractModule {
    final List<List<String>> benchmarkCalls = new ArrayList<>();

    @Override
    protected void configure() {
        bind(TransformationClassifierProvider.class).toInstance(new FakeClassifiers());
    }

    /** The CLI's own module with this one's fakes in place of DL4J. */
    Module overCliModule() {
        return Modules.override(new CliModule()).with(this);
    }

    @Provides
    BackendDescription backend() {
        return () -> "fake backend";
    }

    @Provides
    Benchmark benchmark() {
        return (options, out) -> {
            if (options.contains("--bogus")) {
                throw new IllegalArgumentException("unknown option --bogus; known: [depth]");
            }
            benchmarkCalls.add(List.copyOf(options));
            out.println("network    shape  k  train img/s");
        };
    }
}
