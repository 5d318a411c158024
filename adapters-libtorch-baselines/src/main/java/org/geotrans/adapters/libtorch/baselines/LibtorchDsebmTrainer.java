package org.geotrans.adapters.libtorch.baselines;

import java.util.List;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.port.BaselineTraining;
import org.geotrans.domain.port.ImageDetector;
import org.geotrans.domain.port.ImageDetectorTrainer;
import org.geotrans.domain.port.ProgressListener;

/** Trains DSEBM (Zhai et al. 2016) on libtorch, see {@link Dsebm}; the paper's recipe is {@link BaselineTraining#dsebm}. */
public final class LibtorchDsebmTrainer implements ImageDetectorTrainer {

    @Override
    public ImageDetector train(List<Image> normalImages, BaselineTraining training, ProgressListener progress) {
        return Dsebm.train(normalImages, training, progress);
    }
}
