package org.geotrans.adapters.baselines;

import java.util.List;
import org.geotrans.adapters.dl4j.Dl4jBackend;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageBatch;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.BaselineTraining;
import org.geotrans.domain.port.ImageDetector;
import org.geotrans.domain.port.ImageDetectorTrainer;
import org.geotrans.domain.port.ProgressListener;

/** Trains DAGMM (Zong et al. 2018), see {@link Dagmm}; the weight decay of the recipe is not used (the reference has none). */
public final class Dl4jDagmmTrainer implements ImageDetectorTrainer {

    @Override
    public ImageDetector train(List<Image> normalImages, BaselineTraining training, ProgressListener progress) {
        ImageShape shape = ImageShape.sharedBy(normalImages, 2);
        DcganGraphs.checkSide(shape);
        return Dl4jBackend.withContextClassLoader(() -> {
            Dl4jBackend.ensureInitialised();
            return Dagmm.train(ImageBatch.of(shape, normalImages), new Dagmm.Settings(training.epochs(), training.batchSize(), training.learningRate(), training.seed()), progress);
        });
    }
}
