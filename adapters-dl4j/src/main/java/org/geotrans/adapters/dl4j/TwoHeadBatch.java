package org.geotrans.adapters.dl4j;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.geotrans.domain.training.CategorizedBatch;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A two-headed training batch in native memory, closed right after its step. */
record TwoHeadBatch(INDArray features, INDArray categories, INDArray transformations, int count) implements AutoCloseable {

    static TwoHeadBatch of(CategorizedBatch batch, int categoryCount, int transformationCount, CNN2DFormat format) {
        return new TwoHeadBatch(NdArrays.features(batch.images(), 0, batch.images().count(), format),
                NdArrays.oneHot(batch.categories(), categoryCount),
                NdArrays.oneHot(batch.transformationIndices(), transformationCount), batch.images().count());
    }

    @Override
    public void close() {
        features.close();
        categories.close();
        transformations.close();
    }
}
