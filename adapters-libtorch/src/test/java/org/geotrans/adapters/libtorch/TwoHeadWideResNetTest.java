package org.geotrans.adapters.libtorch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.ClassifierSettings;
import org.geotrans.domain.port.TwoHeadContract;
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
        TwoHeadContract.sameSeedSameOutputsAndSoftmaxesSumToOne(new LibtorchTwoHeadClassifierTrainer(LibtorchTuning.defaults()),
                TestData.randomImages(new ImageShape(8, 8, 1), 12, 3));
    }
}
