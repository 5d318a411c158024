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

/** Trains ADGAN (Deecke et al. 2018), see {@link Adgan}; the reference's batches per epoch, latent starts and steps; the weight decay of the recipe is not used (the reference has none). */
public final class Dl4jAdganTrainer implements ImageDetectorTrainer {

    @Override
    public ImageDetector train(List<Image> normalImages, BaselineTraining training, ProgressListener progress) {
        ImageShape shape = ImageShape.sharedBy(normalImages, 2);
        DcganGraphs.checkSide(shape);
        return Dl4jBackend.withContextClassLoader(() -> {
            Dl4jBackend.ensureInitialised();
            return Adgan.train(ImageBatch.of(shape, normalImages), Adgan.Settings.withTraining(training.epochs(), training.batchSize(), training.seed()), progress);
        });
    }
}
