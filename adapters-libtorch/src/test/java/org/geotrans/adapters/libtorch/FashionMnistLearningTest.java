package org.geotrans.adapters.libtorch;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.List;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.port.ClassifierSettings;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.port.TransformationClassifier;
import org.geotrans.domain.training.ShuffledPairBatches;
import org.geotrans.domain.training.TransformedImages;
import org.geotrans.domain.transform.TransformationSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The self-supervised task is learnable: a small WRN tells four rotations apart on real images. */
class FashionMnistLearningTest {

    @ParameterizedTest
    @EnumSource(Precision.class)
    void aSmallWrnTellsFourRotationsApartOnUnseenFashionMnistImagesFarAboveChance(Precision precision) throws IOException {
        assumeTrue(FashionMnistSample.available(), "Fashion-MNIST not installed (apt-get install dataset-fashion-mnist)");
        TransformationSet rotations = TransformationSet.parse("identity;rot90;rot180;rot270", FashionMnistSample.SHAPE);
        List<Image> train = FashionMnistSample.train(300);
        List<Image> test = FashionMnistSample.test(200);
        ClassifierSettings settings = new ClassifierSettings(10, 1, 8, 64, 2e-3,
                ClassifierSettings.PAPER_WEIGHT_DECAY, 1);

        TransformationClassifier classifier = new LibtorchTransformationClassifierProvider(LibtorchTuning.of(precision)).train(
                new ShuffledPairBatches(new TransformedImages(train, rotations), settings.batchSize(), settings.seed()),
                settings, ProgressListener.SILENT);

        TransformedImages unseen = new TransformedImages(test, rotations);
        int correct = 0;
        for (int t = 0; t < rotations.size(); t++) {
            float[] softmax = classifier.predictSoftmax(unseen.batch(0, test.size(), t));
            for (int i = 0; i < test.size(); i++) {
                int best = 0;
                for (int j = 1; j < rotations.size(); j++) {
                    if (softmax[i * rotations.size() + j] > softmax[i * rotations.size() + best]) {
                        best = j;
                    }
                }
                correct += best == t ? 1 : 0;
            }
        }
        double accuracy = correct / (double) (test.size() * rotations.size());
        // 150 steps on 300 images: fp32 accuracy over seeds 1-6 spans 0.78-0.89 on a Zen 1 (AVX2)
        // processor, bf16 0.81-0.88 on seeds 1 and 3, and the same seed lands elsewhere on AVX-512
        // kernels. At 75 steps the reference's padding started slower on some seeds (bf16 0.50 and
        // 0.57 on seeds 1 and 3, against 0.79 and 0.87 padded evenly; fp32 0.64-0.84 either way).
        // 0.5 is twice chance and still fails for a network that learns nothing (0.25).
        assertTrue(accuracy > 0.5, precision + " accuracy on unseen images " + accuracy + ", chance is 0.25");
    }
}
