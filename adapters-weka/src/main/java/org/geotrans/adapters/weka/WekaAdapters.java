package org.geotrans.adapters.weka;

import java.util.List;
import org.geotrans.adapters.baselines.Dl4jAutoencoderTrainer;
import org.geotrans.adapters.baselines.Dl4jDeepSvddTrainer;
import org.geotrans.adapters.datasets.FileDatasetSource;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import org.geotrans.adapters.dl4j.Dl4jTransformationClassifierProvider;
import org.geotrans.adapters.libtorch.LibtorchTransformationClassifierProvider;
import org.geotrans.adapters.libtorch.LibtorchTuning;
import org.geotrans.adapters.libtorch.Precision;
import org.geotrans.domain.port.ClassifierBackend;
import org.geotrans.adapters.store.ZipDetectorStore;
import org.geotrans.application.train.TrainDetectorUseCase;
import org.geotrans.domain.port.DetectorStore;
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
        return switch (backend) {
            case DL4J -> new Dl4jTransformationClassifierProvider();
            case LIBTORCH -> libtorch(precision);
        };
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

    private static TransformationClassifierProvider libtorch(Precision precision) {
        try {
            return new LibtorchTransformationClassifierProvider(LibtorchTuning.of(precision));
        } catch (IllegalStateException e) {
            throw new IllegalStateException("the libtorch backend is not in this GeoTrans package: install the"
                    + " weka-libtorch variant of the package (see docs/weka.md) or choose the dl4j backend", e);
        }
    }

    /** CAE-OC-SVM's convolutional autoencoder. */
    static Dl4jAutoencoderTrainer autoencoder() {
        return new Dl4jAutoencoderTrainer();
    }

    /** One-Class Deep SVDD. */
    static Dl4jDeepSvddTrainer deepSvdd() {
        return new Dl4jDeepSvddTrainer();
    }

    static FileDatasetSource datasets(int imageSize) {
        return new FileDatasetSource().withImageSize(imageSize);
    }
}
