package org.geotrans.adapters.store;

import java.io.IOException;
import java.io.InputStream;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.ClassifierBackend;
import org.geotrans.domain.port.ClassifierSettings;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.port.ProjectionClassifier;
import org.geotrans.domain.port.TransformationClassifier;
import org.geotrans.domain.port.TransformationClassifierProvider;
import org.geotrans.domain.training.TrainingBatches;

/** Stand-in networks for one backend ({@link ProjectionClassifier}); counts the networks it loads. */
final class FakeNetworks implements TransformationClassifierProvider {
    private final ClassifierBackend backend;
    int loads;

    FakeNetworks(ClassifierBackend backend) {
        this.backend = backend;
    }

    TransformationClassifier network(ImageShape shape, int k, long seed) {
        return new ProjectionClassifier(backend, shape, k, seed);
    }

    @Override
    public ClassifierBackend backend() {
        return backend;
    }

    @Override
    public TransformationClassifier train(TrainingBatches data, ClassifierSettings settings, ProgressListener progress) {
        throw new UnsupportedOperationException("the store tests make networks directly");
    }

    @Override
    public TransformationClassifier load(InputStream in) throws IOException {
        TransformationClassifier network = ProjectionClassifier.read(in, backend);
        loads++;
        return network;
    }
}
