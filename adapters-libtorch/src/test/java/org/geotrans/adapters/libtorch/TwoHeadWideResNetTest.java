package org.geotrans.adapters.libtorch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageBatch;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.ClassifierSettings;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.port.TwoHeadClassifier;
import org.geotrans.domain.port.TwoHeadSoftmax;
import org.geotrans.domain.training.CategorizedPairBatches;
import org.geotrans.domain.training.TransformedImages;
import org.geotrans.domain.transform.TransformationSet;
import org.junit.jupiter.api.Test;

class TwoHeadWideResNetTest {
    @Test
    void theTwoHeadedNetworkIsTheSingleHeadOneFromTheSameSeedPlusOneDenseLayerOverTheCategories() {
        ClassifierSettings settings = new ClassifierSettings(10, 2, 1, 32, 1e-3, ClassifierSettings.PAPER_WEIGHT_DECAY, 5);
        NetworkSpec spec = new NetworkSpec(new ImageShape(32, 32, 3), 72, settings);
        try (WideResNet single = new WideResNet(spec); WideResNet twoHeads = new WideResNet(spec, 5)) {
            int features = 64 * 2; // the last group's channels, pooled to one value each
            assertEquals(single.parameterCount() + features * 5L + 5, twoHeads.parameterCount());
            assertEquals(5, twoHeads.categories());
            assertEquals(0, single.categories());
            List<WideResNet.Entry> shared = single.entries();
            for (int i = 0; i < shared.size(); i++) {
                assertEquals(shared.get(i).name(), twoHeads.entries().get(i).name());
                assertArrayEquals(Tensors.values(shared.get(i).tensor()), Tensors.values(twoHeads.entries().get(i).tensor()),
                        shared.get(i).name());
            }
            assertEquals(List.of("category.kernel", "category.bias"),
                    twoHeads.entries().subList(shared.size(), twoHeads.entries().size()).stream().map(WideResNet.Entry::name).toList());
            assertThrows(IllegalStateException.class, () -> single.twoHeadLogits(null, false));
            assertThrows(IllegalArgumentException.class, () -> new WideResNet(spec, 1));
        }
    }

    @Test
    void givenTheSameSeed_thenTrainingTwiceGivesTheSameOutputsOnBothHeads() {
        ImageShape shape = new ImageShape(8, 8, 1);
        List<Image> images = TestData.randomImages(shape, 12, 3);
        int[] categories = {0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2};
        ClassifierSettings settings = new ClassifierSettings(10, 1, 1, 16, 1e-3, ClassifierSettings.PAPER_WEIGHT_DECAY, 0);
        LibtorchTwoHeadClassifierTrainer trainer = new LibtorchTwoHeadClassifierTrainer(LibtorchTuning.defaults());
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
