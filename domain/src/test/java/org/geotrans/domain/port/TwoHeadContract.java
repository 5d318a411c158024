package org.geotrans.domain.port;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageBatch;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.training.CategorizedPairBatches;
import org.geotrans.domain.training.TransformedImages;
import org.geotrans.domain.transform.TransformationSet;

/** What every backend's {@link TwoHeadClassifierTrainer} must do, checked the same way for each. */
public final class TwoHeadContract {
    private TwoHeadContract() {
    }

    /**
     * Trains twice from the same seed on 12 small images of 3 categories with the 8 simple
     * transformations: both heads give the same outputs both times, and each head's softmax sums to one.
     */
    public static void sameSeedSameOutputsAndSoftmaxesSumToOne(TwoHeadClassifierTrainer trainer, List<Image> images) {
        ImageShape shape = images.get(0).shape();
        int[] categories = {0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2};
        ClassifierSettings settings = new ClassifierSettings(10, 1, 1, 16, 1e-3, ClassifierSettings.PAPER_WEIGHT_DECAY, 0);
        ImageBatch probe = ImageBatch.of(shape, images.subList(0, 4));

        TwoHeadSoftmax[] outputs = new TwoHeadSoftmax[2];
        for (int run = 0; run < 2; run++) {
            CategorizedPairBatches batches = new CategorizedPairBatches(
                    new TransformedImages(images, TransformationSet.simple8()), categories, 3, 16, 0);
            TwoHeadClassifier network = trainer.train(batches, settings, ProgressListener.SILENT);
            assertEquals(3, network.categoryCount());
            assertEquals(8, network.transformationCount());
            outputs[run] = network.predict(probe);
        }
        assertArrayEquals(outputs[0].categories(), outputs[1].categories());
        assertArrayEquals(outputs[0].transformations(), outputs[1].transformations());
        for (int i = 0; i < 4; i++) {
            float categorySum = 0;
            float transformationSum = 0;
            for (int c = 0; c < 3; c++) {
                categorySum += outputs[0].category(i, c);
            }
            for (int j = 0; j < 8; j++) {
                transformationSum += outputs[0].transformation(i, j);
            }
            assertEquals(1f, categorySum, 1e-5f, "category softmax of image " + i);
            assertEquals(1f, transformationSum, 1e-5f, "transformation softmax of image " + i);
        }
    }
}
