package org.geotrans.domain.port;

import org.geotrans.domain.training.CategorizedPairBatches;

/**
 * Trains the two-headed network on every (image, transformation) pair of a labelled set, the
 * loss being the sum of both heads' cross-entropies. A port of its own because
 * {@link TransformationClassifierProvider} trains and saves one head.
 */
public interface TwoHeadClassifierTrainer {

    /** The engine this trainer runs on. */
    ClassifierBackend backend();

    /**
     * Trains for {@link ClassifierSettings#epochs()} passes over the pairs.
     *
     * @throws IllegalArgumentException when the settings do not fit the data
     */
    TwoHeadClassifier train(CategorizedPairBatches data, ClassifierSettings settings, ProgressListener progress);
}
