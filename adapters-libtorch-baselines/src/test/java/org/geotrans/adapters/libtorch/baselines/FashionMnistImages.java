package org.geotrans.adapters.libtorch.baselines;

import java.util.ArrayList;
import java.util.List;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageBatch;

/** The domain's test split as the ports take images: one list. */
final class FashionMnistImages {
    private FashionMnistImages() {
    }

    static List<Image> list(ImageBatch batch) {
        List<Image> images = new ArrayList<>(batch.count());
        for (int i = 0; i < batch.count(); i++) {
            images.add(batch.image(i));
        }
        return images;
    }
}
