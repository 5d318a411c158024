package org.geotrans.adapters.libtorch.baselines;

import java.util.List;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.BaselineTraining;
import org.geotrans.domain.port.ImageDetector;
import org.geotrans.domain.port.ImageDetectorTrainer;
import org.geotrans.domain.port.ProgressListener;

/**
 * ADGAN (Deecke et al., 2018) on libtorch, as the paper's reference code and adapters-dl4j-baselines'
 * {@code Dl4jAdganTrainer}: a WGAN with gradient penalty ({@link WganGpTraining}) trained for the
 * recipe's epochs of the reference's 100 generator steps, at the recipe's batch size and learning
 * rate ({@link BaselineTraining#adgan}); scored by latent search ({@link LatentSearchScoring}) with
 * the reference's 8 starts x 5 steps. The recipe's weight decay is not used (the reference has none).
 */
public final class LibtorchAdganTrainer implements ImageDetectorTrainer {

    @Override
    public ImageDetector train(List<Image> normalImages, BaselineTraining training, ProgressListener progress) {
        return train(normalImages, AdganSettings.of(training), progress);
    }

    /** Trains on another budget than the reference's (the tests' small ones). */
    static LibtorchAdgan train(List<Image> normalImages, AdganSettings settings, ProgressListener progress) {
        ImageShape shape = ImageShape.sharedBy(normalImages, 2);
        return new LibtorchAdgan(WganGpTraining.train(normalImages, shape, settings, progress), settings);
    }
}
