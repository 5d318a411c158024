package org.geotrans.adapters.weka;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import org.geotrans.adapters.baselines.Dl4jAutoencoderTrainer;
import org.geotrans.adapters.baselines.Dl4jDeepSvdd;
import org.geotrans.adapters.baselines.Dl4jDeepSvddTrainer;
import org.geotrans.adapters.baselines.Dl4jImageEncoder;
import org.geotrans.adapters.datasets.FileDatasetSource;
import org.geotrans.adapters.dl4j.Dl4jBackend;
import org.geotrans.adapters.dl4j.Dl4jTransformationClassifierProvider;
import org.geotrans.adapters.libtorch.LibtorchRuntime;
import org.geotrans.adapters.libtorch.LibtorchTransformationClassifierProvider;
import org.geotrans.adapters.libtorch.LibtorchTuning;
import org.geotrans.adapters.libtorch.Precision;
import org.geotrans.adapters.libtorch.baselines.LibtorchAutoencoderTrainer;
import org.geotrans.adapters.libtorch.baselines.LibtorchDeepSvdd;
import org.geotrans.adapters.libtorch.baselines.LibtorchDeepSvddTrainer;
import org.geotrans.adapters.libtorch.baselines.LibtorchImageEncoder;
import org.geotrans.adapters.store.ZipDetectorStore;
import org.geotrans.application.train.TrainDetectorUseCase;
import org.geotrans.domain.port.ClassifierBackend;
import org.geotrans.domain.port.DetectorStore;
import org.geotrans.domain.port.ImageDetector;
import org.geotrans.domain.port.ImageDetectorTrainer;
import org.geotrans.domain.port.ImageEncoder;
import org.geotrans.domain.port.ImageEncoderTrainer;
import org.geotrans.domain.port.TransformationClassifierProvider;

/**
 * The Weka deployment's wiring: the only place that creates adapters. A plain factory rather
 * than a Guice module, because Weka owns the objects' lives: it instantiates classifiers,
 * loaders and filters through no-argument constructors, copies and deserializes them, and
 * loads them through its package class loader; there is no start-up where an injector could
 * be built and kept. Each call creates what it returns; the DL4J backend initialises once per
 * class loader inside the provider.
 */
final class WekaAdapters {
    private WekaAdapters() {
    }

    static TransformationClassifierProvider transformationClassifiers(ClassifierBackend backend, Precision precision) {
        return onBackend(backend, Dl4jTransformationClassifierProvider::new,
                () -> new LibtorchTransformationClassifierProvider(LibtorchTuning.of(precision)));
    }

    static TrainDetectorUseCase trainDetector(ClassifierBackend backend, Precision precision) {
        return new TrainDetectorUseCase(transformationClassifiers(backend, precision));
    }

    /** Reads each detector with the backend that wrote it; a libtorch detector predicts in {@code precision}. */
    static DetectorStore detectorStore(Precision precision) {
        Map<ClassifierBackend, Supplier<TransformationClassifierProvider>> readers = new EnumMap<>(ClassifierBackend.class);
        for (ClassifierBackend backend : ClassifierBackend.values()) {
            readers.put(backend, () -> transformationClassifiers(backend, precision));
        }
        return new ZipDetectorStore(readers);
    }

    /**
     * Loads libtorch (with the package's class loader as the context loader, which JavaCPP
     * consults), or says in one line that this package lacks it and what to do.
     */
    private static void requireLibtorch() {
        try {
            Dl4jBackend.withContextClassLoader(LibtorchRuntime::ensureLoaded);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("the libtorch backend is not in this GeoTrans package: install the"
                    + " weka-libtorch variant of the package (see docs/weka.md) or choose the dl4j backend", e);
        }
    }

    /** What {@code dl4j} or, after libtorch is loaded, {@code libtorch} makes, as {@code backend} says. */
    private static <T> T onBackend(ClassifierBackend backend, Supplier<T> dl4j, Supplier<T> libtorch) {
        return switch (backend) {
            case DL4J -> dl4j.get();
            case LIBTORCH -> {
                requireLibtorch();
                yield libtorch.get();
            }
        };
    }

    /** CAE-OC-SVM's convolutional autoencoder on {@code backend}. */
    static ImageEncoderTrainer autoencoder(ClassifierBackend backend) {
        return onBackend(backend, Dl4jAutoencoderTrainer::new, LibtorchAutoencoderTrainer::new);
    }

    /** The bytes of an encoder {@link #autoencoder} trained. */
    static byte[] autoencoderBytes(ImageEncoder encoder) {
        if (encoder instanceof LibtorchImageEncoder libtorch) {
            return libtorch.toBytes();
        }
        return ((Dl4jImageEncoder) encoder).toBytes();
    }

    /** The encoder {@link #autoencoderBytes} wrote, read by the backend that trained it. */
    static ImageEncoder autoencoder(ClassifierBackend backend, byte[] bytes) {
        return onBackend(backend, () -> Dl4jImageEncoder.fromBytes(bytes), () -> LibtorchImageEncoder.fromBytes(bytes));
    }

    /** One-Class Deep SVDD on {@code backend}. */
    static ImageDetectorTrainer deepSvdd(ClassifierBackend backend) {
        return onBackend(backend, Dl4jDeepSvddTrainer::new, LibtorchDeepSvddTrainer::new);
    }

    /** The bytes of a detector {@link #deepSvdd} trained. */
    static byte[] deepSvddBytes(ImageDetector detector) {
        if (detector instanceof LibtorchDeepSvdd libtorch) {
            return libtorch.toBytes();
        }
        return ((Dl4jDeepSvdd) detector).toBytes();
    }

    /** The detector {@link #deepSvddBytes} wrote, read by the backend that trained it. */
    static ImageDetector deepSvdd(ClassifierBackend backend, byte[] bytes) {
        return onBackend(backend, () -> Dl4jDeepSvdd.fromBytes(bytes), () -> LibtorchDeepSvdd.fromBytes(bytes));
    }

    static FileDatasetSource datasets(int imageSize) {
        return new FileDatasetSource().withImageSize(imageSize);
    }
}
