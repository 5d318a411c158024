package org.geotrans.adapters.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import java.util.ArrayList;
import java.util.List;
import org.geotrans.adapters.datasets.FileDatasetSource;
import org.geotrans.adapters.libsvm.LibsvmOneClassSvm;
import org.geotrans.application.FakeClassifiers;
import org.geotrans.application.store.ZipDetectorStore;
import org.geotrans.domain.port.DetectorStore;
import org.geotrans.domain.port.OneClassSvm;
import org.geotrans.domain.port.TransformationClassifierProvider;

/** The CLI's wiring with a fake network: the real readers, libsvm and the zip store, no DL4J. */
final class TestModule extends AbstractModule {
    final List<List<String>> benchmarkCalls = new ArrayList<>();

    @Override
    protected void configure() {
        bind(TransformationClassifierProvider.class).toInstance(new FakeClassifiers());
        bind(OneClassSvm.class).to(LibsvmOneClassSvm.class);
        bind(DetectorStore.class).to(ZipDetectorStore.class);
    }

    @Provides
    DatasetOpener datasets() {
        return (location, format, side, progress) -> new FileDatasetSource().withImageSize(side).withProgress(progress)
                .read(location, format);
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
