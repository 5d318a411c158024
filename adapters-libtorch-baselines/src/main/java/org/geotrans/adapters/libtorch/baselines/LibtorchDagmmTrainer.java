package org.geotrans.adapters.libtorch.baselines;

import java.util.List;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.port.BaselineTraining;
import org.geotrans.domain.port.ImageDetector;
import org.geotrans.domain.port.ImageDetectorTrainer;
import org.geotrans.domain.port.ProgressListener;

/** Trains DAGMM (Zong et al. 2018) on libtorch, see {@link Dagmm}; the paper's recipe is {@link BaselineTraining#dagmm}. */
public final class LibtorchDagmmTrainer implements ImageDetectorTrainer {

    /** {@inheritDoc} Batches must hold at least 2 images. */
    @Override
    public ImageDetector train(List<Image> normalImages, BaselineTraining training, ProgressListener progress) {
        return Dagmm.train(normalImages, training, progress);
    }
}
