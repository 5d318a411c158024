package org.geotrans.adapters.dl4j;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.geotrans.domain.training.LabeledBatch;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A training batch already in native memory; closed right after use so off-heap memory does not wait for GC. */
record PreparedBatch(INDArray features, INDArray labels, int count) implements AutoCloseable {

    static PreparedBatch of(LabeledBatch batch, int classes, CNN2DFormat format) {
        INDArray features = NdArrays.features(batch.images(), 0, batch.images().count(), format);
        INDArray labels = NdArrays.oneHot(batch.transformationIndices(), classes);
        return new PreparedBatch(features, labels, batch.images().count());
    }

    @Override
    public void close() {
        features.close();
        labels.close();
    }
}
