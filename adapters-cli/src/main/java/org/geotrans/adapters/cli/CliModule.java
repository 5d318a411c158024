package org.geotrans.adapters.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.geotrans.adapters.baselines.Dl4jAutoencoderTrainer;
import org.geotrans.adapters.baselines.Dl4jDagmmTrainer;
import org.geotrans.adapters.baselines.Dl4jDeepSvddTrainer;
import org.geotrans.adapters.baselines.Dl4jDsebmTrainer;
import org.geotrans.adapters.datasets.FileDatasetSource;
import org.geotrans.adapters.dl4j.ClassifierBenchmark;
import org.geotrans.adapters.dl4j.Dl4jBackend;
import org.geotrans.adapters.dl4j.Dl4jTransformationClassifierProvider;
import org.geotrans.adapters.dl4j.Dl4jTwoHeadClassifierTrainer;
import org.geotrans.adapters.libsvm.LibsvmOneClassSvm;
import org.geotrans.adapters.libtorch.LibtorchBenchmark;
import org.geotrans.adapters.libtorch.LibtorchRuntime;
import org.geotrans.adapters.libtorch.LibtorchTransformationClassifierProvider;
import org.geotrans.adapters.libtorch.LibtorchTwoHeadClassifierTrainer;
import org.geotrans.adapters.libtorch.LibtorchTuning;
import org.geotrans.adapters.libtorch.baselines.LibtorchAdganTrainer;
import org.geotrans.adapters.libtorch.baselines.LibtorchAutoencoderTrainer;
import org.geotrans.adapters.libtorch.baselines.LibtorchDagmmTrainer;
import org.geotrans.adapters.libtorch.baselines.LibtorchDeepSvddTrainer;
import org.geotrans.adapters.libtorch.baselines.LibtorchDsebmTrainer;
import org.geotrans.adapters.store.ZipDetectorStore;
import org.geotrans.application.evaluate.BaselineTrainers;
import org.geotrans.application.evaluate.DetectorKind;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import org.geotrans.domain.port.ClassifierBackend;
import org.geotrans.domain.port.DatasetSource;
import org.geotrans.domain.port.DetectorStore;
import org.geotrans.domain.port.OneClassSvm;
import org.geotrans.domain.port.TransformationClassifierProvider;
import org.geotrans.domain.port.TwoHeadClassifierTrainer;

/**
 * The command line's choice of adapters: DL4J or libtorch for the network (the command's
 * {@code --backend}, see {@link BackendSelection}; a saved detector is read by the backend that
 * wrote it), the file readers for data, libsvm for the One-Class SVM, the deep baselines on the
 * chosen backend where it has them (DL4J otherwise), zip files for detectors.
 * Nothing else in the CLI creates an adapter. Guice creates singletons lazily here, so --help and
 * usage errors never start a native backend.
 */
public final class CliModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(Dl4jTransformationClassifierProvider.class).in(Singleton.class);
        bind(DatasetSource.class).to(FileDatasetSource.class);
        bind(OneClassSvm.class).to(LibsvmOneClassSvm.class);
    }

    @Provides
    TwoHeadClassifierTrainer twoHeadClassifierTrainer(BackendSelection selection) {
        return switch (selection.backend()) {
            case DL4J -> new Dl4jTwoHeadClassifierTrainer();
            case LIBTORCH -> new LibtorchTwoHeadClassifierTrainer(LibtorchTuning.of(selection.precision()));
        };
    }

    @Provides
    ClassifierProviders classifierProviders(BackendSelection selection,
                                            jakarta.inject.Provider<Dl4jTransformationClassifierProvider> dl4j) {
        return backend -> switch (backend) {
            case DL4J -> dl4j.get();
            case LIBTORCH -> new LibtorchTransformationClassifierProvider(LibtorchTuning.of(selection.precision()));
        };
    }

    /**
     * The deep baselines of compare --detectors: with --backend libtorch all on libtorch
     * ({@link #onLibtorch}); with --backend dl4j all on DL4J but ADGAN, whose DL4J version was not
     * shown to learn at a budget this CPU can run (CompareCommand refuses it there).
     */
    @Provides
    BaselineTrainers baselines(BackendSelection selection) {
        BaselineTrainers dl4j = BaselineTrainers.NONE.withAutoencoder(new Dl4jAutoencoderTrainer())
                .with(DetectorKind.DEEP_SVDD, new Dl4jDeepSvddTrainer())
                .with(DetectorKind.DSEBM, new Dl4jDsebmTrainer())
                .with(DetectorKind.DAGMM, new Dl4jDagmmTrainer());
        return switch (selection.backend()) {
            case DL4J -> dl4j;
            case LIBTORCH -> onLibtorch(dl4j);
        };
    }

    /** The baselines ported to libtorch in place of their DL4J versions: one line each. */
    private static BaselineTrainers onLibtorch(BaselineTrainers dl4j) {
        return dl4j.withAutoencoder(new LibtorchAutoencoderTrainer())
                .with(DetectorKind.DEEP_SVDD, new LibtorchDeepSvddTrainer())
                .with(DetectorKind.DSEBM, new LibtorchDsebmTrainer())
                .with(DetectorKind.DAGMM, new LibtorchDagmmTrainer())
                .with(DetectorKind.ADGAN, new LibtorchAdganTrainer());
    }

    @Provides
    TransformationClassifierProvider classifiers(BackendSelection selection, ClassifierProviders providers) {
        return providers.of(selection.backend());
    }

    /** Reads each detector with the backend that wrote it; only that backend is started. */
    @Provides
    DetectorStore detectors(ClassifierProviders providers) {
        Map<ClassifierBackend, Supplier<TransformationClassifierProvider>> readers = new EnumMap<>(ClassifierBackend.class);
        for (ClassifierBackend backend : ClassifierBackend.values()) {
            readers.put(backend, () -> providers.of(backend));
        }
        return new ZipDetectorStore(readers);
    }

    @Provides
    DatasetOpener datasets() {
        return (location, format, side, progress) -> new FileDatasetSource().withImageSize(side).withProgress(progress)
                .read(location, format);
    }

    @Provides
    BackendDescription backend(BackendSelection selection) {
        return switch (selection.backend()) {
            case DL4J -> () -> Dl4jBackend.ensureInitialised().description();
            case LIBTORCH -> () -> LibtorchRuntime.describe(LibtorchTuning.of(selection.precision()));
        };
    }

    @Provides
    Benchmark benchmark(BackendSelection selection) {
        return switch (selection.backend()) {
            case DL4J -> (options, out) -> ClassifierBenchmark.run(options.toArray(String[]::new), lineStream(out));
            case LIBTORCH -> (options, out) -> LibtorchBenchmark.run(options.toArray(String[]::new), lineStream(out));
        };
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
