package org.geotrans.adapters.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.util.Modules;
import java.util.ArrayList;
import java.util.List;
import org.geotrans.application.FakeClassifiers;
import org.geotrans.domain.port.ClassifierBackend;

/**
 * Replaces the network parts of {@link CliModule} (the classifier of every backend, backend
 * description, benchmark) with fakes; everything else (readers, libsvm, the zip store) stays the production wiring.
 */
final class TestModule extends AbstractModule {
    final List<List<String>> benchmarkCalls = new ArrayList<>();
    /** The backend of every classifier provider the CLI asked for, in order. */
    final List<ClassifierBackend> backendsAsked = new ArrayList<>();
    final List<ClassifierBackend> benchmarkBackends = new ArrayList<>();

    @Override
    protected void configure() {
        FakeClassifiers fake = new FakeClassifiers();
        bind(ClassifierProviders.class).toInstance(backend -> {
            backendsAsked.add(backend);
            return fake;
        });
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
    Benchmark benchmark(BackendSelection selection) {
        return (options, out) -> {
            benchmarkBackends.add(selection.backend());
            if (options.contains("--bogus")) {
                throw new IllegalArgumentException("unknown option --bogus; known: [depth]");
            }
            benchmarkCalls.add(List.copyOf(options));
            out.println("network    shape  k  train img/s");
        };
    }
}
