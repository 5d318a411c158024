package org.geotrans.domain.port;

import java.io.IOException;
import java.io.InputStream;
import org.geotrans.domain.training.TrainingBatches;

/** Trains new transformation classifiers and restores saved ones. */
public interface TransformationClassifierProvider {

    /** The engine this provider trains on and reads models of. */
    ClassifierBackend backend();

    /**
     * Trains a classifier on the stream of self-labeled batches.
     *
     * @throws IllegalArgumentException when the settings do not fit the data
     */
    TransformationClassifier train(TrainingBatches data, ClassifierSettings settings, ProgressListener progress);

    /**
     * Reads a classifier written by {@link TransformationClassifier#save}.
     *
     * @throws IOException when the bytes are not a classifier this provider wrote
     */
    TransformationClassifier load(InputStream in) throws IOException;
}
