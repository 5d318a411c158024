package org.geotrans.application.ood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.geotrans.domain.data.LabeledImages;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageBatch;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.image.Preprocessing;
import org.geotrans.domain.port.ClassifierBackend;
import org.geotrans.domain.port.ClassifierSettings;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.port.TwoHeadClassifier;
import org.geotrans.domain.port.TwoHeadClassifierTrainer;
import org.geotrans.domain.port.TwoHeadSoftmax;
import org.geotrans.domain.training.CategorizedBatch;
import org.geotrans.domain.training.CategorizedPairBatches;
import org.geotrans.domain.transform.TransformationSet;
import org.junit.jupiter.api.Test;

/**
 * The protocol around a fake network that "knows" its data: in-distribution images are bright on
 * the left, so the fake tells identity from flip on them and names their category (bright top row
 * or not); out-of-distribution images are flat grey, and the fake is unsure of both.
 */
class DetectOutOfDistributionUseCaseTest {
    private static final ImageShape SHAPE = new ImageShape(4, 4, 1);
    private static final TransformationSet IDENTITY_AND_FLIP = TransformationSet.parse("identity;flip", SHAPE);
    private static final ClassifierSettings SETTINGS = new ClassifierSettings(10, 1, 1, 8, 1e-3, 0, 7);

    /** Labels 0, 1, 2 by turns; class 2 is never in-distribution here. */
    private static LabeledImages split(int count, long seed) {
        Random random = new Random(seed);
        List<Image> images = new ArrayList<>();
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % 3;
            float[] v = new float[16];
            for (int r = 0; r < 4; r++) {
                for (int c = 0; c < 4; c++) {
                    boolean bright = c < 2 && (r > 0 || labels[i] != 0);
                    v[r * 4 + c] = (bright ? 220 : 30) + random.nextInt(10);
                }
            }
            images.add(new Image(SHAPE, v));
        }
        return new LabeledImages(SHAPE, images, labels, List.of("a", "b", "c"));
    }

    private static List<Image> grey(int count) {
        List<Image> images = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            float[] v = new float[16];
            java.util.Arrays.fill(v, 128 + i % 5);
            images.add(new Image(SHAPE, v));
        }
        return images;
    }

    /** Records what it was trained on; its network reads the pixels as the class comment says. */
    private static final class FakeTrainer implements TwoHeadClassifierTrainer {
        final List<CategorizedBatch> seen = new ArrayList<>();

        @Override
        public ClassifierBackend backend() {
            return ClassifierBackend.DL4J;
        }

        @Override
        public TwoHeadClassifier train(CategorizedPairBatches data, ClassifierSettings settings, ProgressListener progress) {
            data.epoch(0).forEachRemaining(seen::add);
            return new TwoHeadClassifier() {
                @Override
                public ImageShape inputShape() {
                    return SHAPE;
                }

                @Override
                public int categoryCount() {
                    return 2;
                }

                @Override
                public int transformationCount() {
                    return 2;
                }

                @Override
                public TwoHeadSoftmax predict(ImageBatch images) {
                    int n = images.count();
                    float[] categories = new float[n * 2];
                    float[] transformations = new float[n * 2];
                    for (int i = 0; i < n; i++) {
                        Image image = images.image(i);
                        float left = image.value(1, 0, 0) + image.value(1, 1, 0);
                        float right = image.value(1, 2, 0) + image.value(1, 3, 0);
                        boolean flat = Math.abs(left - right) < 0.5f;
                        boolean flipped = right > left;
                        transformations[2 * i] = flat ? 0.5f : flipped ? 0.1f : 0.9f;
                        transformations[2 * i + 1] = 1 - transformations[2 * i];
                        boolean topBright = image.value(0, flipped ? 3 : 0, 0) > 0;
                        categories[2 * i] = flat ? 0.5f : topBright ? 0.05f : 0.95f;
                        categories[2 * i + 1] = 1 - categories[2 * i];
                    }
                    return new TwoHeadSoftmax(n, 2, 2, categories, transformations);
                }

                @Override
                public String describe() {
                    return "fake";
                }
            };
        }
    }

    private static OutOfDistributionCommand command(int maxTrain, int maxTest) {
        return new OutOfDistributionCommand(split(60, 1), split(30, 2), List.of(0, 1), Preprocessing.SCALE_ONLY,
                List.of(new OutOfDistributionSet("grey", grey(25), Preprocessing.SCALE_ONLY),
                        new OutOfDistributionSet("class c", split(30, 3).imagesOfClass(2), Preprocessing.SCALE_ONLY)),
                IDENTITY_AND_FLIP, SETTINGS, maxTrain, maxTest);
    }

    @Test
    void theNetworkTrainsOnEveryPairOfTheInClassesLabelledWithTheirPositionInTheClassList() {
        FakeTrainer trainer = new FakeTrainer();
        OutOfDistributionReport report = new DetectOutOfDistributionUseCase(trainer).run(command(16, 0), ProgressListener.SILENT);

        assertEquals(16, report.trainImages());
        assertEquals(32, trainer.seen.stream().mapToInt(b -> b.images().count()).sum(), "16 images x 2 transformations");
        for (CategorizedBatch batch : trainer.seen) {
            for (int b = 0; b < batch.images().count(); b++) {
                // class a (0) has a dark top row, class b (1) a bright one, in either orientation
                Image image = batch.images().image(b);
                boolean topBright = image.value(0, 0, 0) > 0 || image.value(0, 3, 0) > 0;
                assertEquals(topBright ? 1 : 0, batch.categories()[b]);
            }
        }
        assertEquals(List.of("a", "b"), report.inClassNames());
        assertEquals(20, report.inTestIndices().length, "the test images of classes a and b");
        assertEquals(1.0, report.categoryAccuracy());
    }

    @Test
    void eachOutSetIsRankedAgainstTheSameInTestImagesByBothHeads() {
        OutOfDistributionReport report = new DetectOutOfDistributionUseCase(new FakeTrainer()).run(command(0, 12),
                ProgressListener.SILENT);

        assertEquals(12, report.inTestIndices().length);
        assertEquals(2, report.results().size());
        OutOfDistributionResult grey = report.results().get(0);
        assertEquals("grey", grey.name());
        assertEquals(12, grey.transformations().normalCount());
        assertEquals(12, grey.transformations().anomalousCount());
        assertEquals(1.0, grey.transformations().auroc());
        assertEquals(1.0, grey.maximumSoftmax().auroc());
        assertEquals(Math.log(0.9f), report.inTransformationScores()[0], 1e-9);
        assertEquals(Math.log(0.5f), grey.transformationScores()[0], 1e-9);
        // class c looks like class b to this network: neither head can tell it from the in-distribution
        OutOfDistributionResult classC = report.results().get(1);
        assertEquals(10, classC.transformations().anomalousCount());
        assertTrue(classC.transformations().auroc() < 0.75, "class c AUROC " + classC.transformations().auroc());
    }

    @Test
    void outImagesThatCannotBePaddedToTheInputShapeAreRefusedBeforeTraining() {
        FakeTrainer trainer = new FakeTrainer();
        Image large = new Image(new ImageShape(5, 5, 1), new float[25]);
        OutOfDistributionCommand command = new OutOfDistributionCommand(split(30, 1), split(30, 2), List.of(0, 1),
                Preprocessing.SCALE_ONLY, List.of(new OutOfDistributionSet("large", List.of(large), Preprocessing.SCALE_ONLY)),
                IDENTITY_AND_FLIP, SETTINGS, 0, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DetectOutOfDistributionUseCase(trainer).run(command, ProgressListener.SILENT));
        assertTrue(e.getMessage().contains("large"), e.getMessage());
        assertTrue(trainer.seen.isEmpty());
    }
}
