package org.geotrans.adapters.weka;

import java.util.List;
import org.geotrans.adapters.datasets.FileDatasetSource;
import org.geotrans.adapters.dl4j.Dl4jTransformationClassifierProvider;
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

    static TransformationClassifierProvider transformationClassifiers() {
        return new Dl4jTransformationClassifierProvider();
    }

    static TrainDetectorUseCase trainDetector() {
        return new TrainDetectorUseCase(transformationClassifiers());
    }

    static DetectorStore detectorStore() {
        return new ZipDetectorStore(List.of(transformationClassifiers()));
    }

    static FileDatasetSource datasets(int imageSize) {
        return new FileDatasetSource().withImageSize(imageSize);
    }
}
