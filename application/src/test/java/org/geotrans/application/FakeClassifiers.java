package org.geotrans.application;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import org.geotrans.domain.port.ClassifierBackend;
import org.geotrans.domain.port.ClassifierSettings;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.port.ProjectionClassifier;
import org.geotrans.domain.port.TransformationClassifier;
import org.geotrans.domain.port.TransformationClassifierProvider;
import org.geotrans.domain.training.LabeledBatch;
import org.geotrans.domain.training.TrainingBatches;

/**
 * A test double for the network: "training" walks the stream once per epoch (counting pairs)
 * and returns a {@link ProjectionClassifier} fixed by the seed, so the use cases' plumbing (fit,
 * score, save, load) can be checked exactly without a backend.
 */
public final class FakeClassifiers implements TransformationClassifierProvider {
    public long pairsSeen;
    public int epochsSeen;

    /** Stands in for the default backend, so that detectors it makes save and load like real ones. */
    @Override
    public ClassifierBackend backend() {
        return ClassifierBackend.DL4J;
    }

    @Override
    public TransformationClassifier train(TrainingBatches data, ClassifierSettings settings, ProgressListener progress) {
        for (int e = 0; e < settings.epochs(); e++) {
            for (Iterator<LabeledBatch> it = data.epoch(e); it.hasNext(); ) {
                pairsSeen += it.next().images().count();
            }
            epochsSeen++;
        }
        return new ProjectionClassifier(backend(), data.shape(), data.classes(), settings.seed());
    }

    @Override
    public TransformationClassifier load(InputStream in) throws IOException {
        return ProjectionClassifier.read(in, backend());
    }
}
