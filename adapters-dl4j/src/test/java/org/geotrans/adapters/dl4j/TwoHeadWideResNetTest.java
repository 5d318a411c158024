package org.geotrans.adapters.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.ClassifierSettings;
import org.geotrans.domain.port.TwoHeadContract;
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
        TwoHeadContract.sameSeedSameOutputsAndSoftmaxesSumToOne(new Dl4jTwoHeadClassifierTrainer(),
                TestData.randomImages(new ImageShape(8, 8, 1), 12, 3));
    }
}
