package org.geotrans.adapters.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TwoHeadWideResNetTest {
    private static final ImageShape SHAPE = new ImageShape(32, 32, 3);

    @BeforeAll
    static void backend() {
        Dl4jBackend.ensureInitialised();
    }

    @Test
    void theTwoHeadedNetworkIsTheSingleHeadBodyPlusOneDenseSoftmaxOverTheCategories() {
        ClassifierSettings settings = new ClassifierSettings(10, 2, 1, 32, 1e-3, ClassifierSettings.PAPER_WEIGHT_DECAY, 5);
        NetworkSpec spec = new NetworkSpec(SHAPE, 72, settings, Dl4jTuning.DEFAULT);
        ComputationGraph single = WideResNet.create(spec);
        ComputationGraph twoHeads = WideResNet.createTwoHead(spec, 5);

        int features = 64 * 2; // the last group's channels, pooled to one value each at 32x32
        assertEquals(single.numParams() + features * 5L + 5, twoHeads.numParams());
        assertEquals(2, twoHeads.getNumOutputArrays());
        // the body and the transformation head are built as in the single-head network
        for (String layer : List.of("stem", "g1b1_conv1", "g3b1_shortcut", "final_bn")) {
            assertEquals(single.getLayer(layer).params().length(), twoHeads.getLayer(layer).params().length(), layer);
        }
        assertEquals(single.getLayer(WideResNet.OUTPUT).params().length(),
                twoHeads.getLayer(WideResNet.TRANSFORMATION_OUTPUT).params().length());
    }

    @Test
    void givenTheSameSeed_thenTrainingTwiceGivesTheSameOutputsOnBothHeads() {
        List<Image> images = TestData.randomImages(new ImageShape(8, 8, 1), 12, 3);
        int[] categories = {0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2};
        ClassifierSettings settings = new ClassifierSettings(10, 1, 1, 16, 1e-3, ClassifierSettings.PAPER_WEIGHT_DECAY, 0);
        Dl4jTwoHeadClassifierTrainer trainer = new Dl4jTwoHeadClassifierTrainer();
        ImageBatch probe = ImageBatch.of(new ImageShape(8, 8, 1), images.subList(0, 4));

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
