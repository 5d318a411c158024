package org.geotrans.adapters.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.geotrans.adapters.datasets.FileDatasetSource;
import org.geotrans.adapters.dl4j.ClassifierBenchmark;
import org.geotrans.adapters.dl4j.Dl4jBackend;
import org.geotrans.adapters.dl4j.Dl4jTransformationClassifierProvider;
import org.geotrans.adapters.libsvm.LibsvmOneClassSvm;
import org.geotrans.adapters.store.ZipDetectorStore;
import org.geotrans.domain.port.DatasetSource;
import org.geotrans.domain.port.DetectorStore;
import org.geotrans.domain.port.OneClassSvm;
import org.geotrans.domain.port.TransformationClassifierProvider;

/**
 * The command line's choice of adapters: DL4J for the network, the file readers for data, libsvm
 * for the One-Class SVM, zip files for detectors. Nothing else in the CLI creates an adapter.
 * Guice creates singletons lazily here, so --help and usage errors never start the native backend.
 */
public final class CliModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(TransformationClassifierProvider.class).to(Dl4jTransformationClassifierProvider.class).in(Singleton.class);
        bind(DatasetSource.class).to(FileDatasetSource.class);
        bind(OneClassSvm.class).to(LibsvmOneClassSvm.class);
    }

    /** Reads the models of every installed backend: the one the CLI trains with, for now DL4J. */
    @Provides
    DetectorStore detectorStore(TransformationClassifierProvider classifiers) {
        return new ZipDetectorStore(List.of(classifiers));
    }

    @Provides
    DatasetOpener datasets() {
        return (location, format, side, progress) -> new FileDatasetSource().withImageSize(side).withProgress(progress)
                .read(location, format);
    }

    @Provides
    BackendDescription backend() {
        return () -> Dl4jBackend.ensureInitialised().description();
    }

    @Provides
    Benchmark benchmark() {
        return (options, out) -> ClassifierBenchmark.run(options.toArray(String[]::new), lineStream(out));
    }

    /** The benchmark prints to a PrintStream; its lines go on to the command's writer as they come. */
    private static PrintStream lineStream(PrintWriter out) {
        return new PrintStream(new OutputStream() {
            private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

            @Override
            public void write(int b) {
                line.write(b);
                if (b == '\n') {
                    flush();
                }
            }

            @Override
            public void flush() {
                out.print(line.toString(StandardCharsets.UTF_8));
                out.flush();
                line.reset();
            }
        }, true, StandardCharsets.UTF_8);
    }
}
