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
     * Trains as {@link #train(TrainingBatches, ClassifierSettings, ProgressListener)} does, saving
     * its state to {@code checkpoints} and continuing from the newest one there, as their contract
     * says; the classifier must equal the uninterrupted training's exactly. This default ignores
     * the checkpoints and trains from step 0, which gives the same classifier, only later: backends
     * that can capture their state override it.
     */
    default TransformationClassifier train(TrainingBatches data, ClassifierSettings settings, ProgressListener progress,
                                           TrainingCheckpoints checkpoints) {
        return train(data, settings, progress);
    }

    /**
     * Reads a classifier written by {@link TransformationClassifier#save}.
     *
     * @throws IOException when the bytes are not a classifier this provider wrote
     */
    TransformationClassifier load(InputStream in) throws IOException;
}
