package org.geotrans.adapters.libtorch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.geotrans.domain.image.ImageBatch;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.port.TrainingCheckpoints;
import org.geotrans.domain.port.TrainingProgress;
import org.geotrans.domain.training.KillAfterCheckpoint;
import org.geotrans.domain.training.ShuffledPairBatches;
import org.geotrans.domain.training.TrainingPosition;
import org.geotrans.domain.training.TransformedImages;
import org.geotrans.domain.transform.TransformationSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * A libtorch training stopped after a checkpoint and continued from it in a fresh network ends
 * with the uninterrupted training's weights, batch norm statistics and predictions bit for bit:
 * mid-epoch, at an epoch boundary and at the end, in both precisions.
 */
class ResumedTrainingTest {
    private static final ImageShape SHAPE = new ImageShape(16, 16, 1);
    private static final TransformationSet ROTATIONS = TransformationSet.parse("identity;rot90;rot180;rot270", SHAPE);
    private static final ImageBatch PROBE = TestData.randomBatch(SHAPE, 20, 99);
    /** 24 images x 4 rotations in batches of 32: 3 steps per epoch, 6 in all. */
    private static final int EPOCHS = 2;

    private static ShuffledPairBatches data() {
        return new ShuffledPairBatches(new TransformedImages(TestData.randomImages(SHAPE, 24, 5), ROTATIONS), 32, 17);
    }

    @ParameterizedTest(name = "{0} resumed at step {1}")
    @CsvSource({"BF16, 4", "BF16, 3", "BF16, 6", "FP32, 4"})
    void resumedTrainingEqualsTheUninterruptedOne(Precision precision, long step) {
        LibtorchTransformationClassifierProvider provider = new LibtorchTransformationClassifierProvider(LibtorchTuning.of(precision));
        LibtorchTransformationClassifier uninterrupted = (LibtorchTransformationClassifier) provider.train(data(),
                TestData.tinySettings(EPOCHS, 17), ProgressListener.SILENT);
        {
            KillAfterCheckpoint memory = new KillAfterCheckpoint(step, 6);
            assertThrows(KillAfterCheckpoint.Killed.class, () -> provider.train(data(), TestData.tinySettings(EPOCHS, 17),
                    ProgressListener.SILENT, memory));
            assertEquals(step, memory.savedPosition().step());
            List<TrainingProgress> progress = new ArrayList<>();
            LibtorchTransformationClassifier resumed = (LibtorchTransformationClassifier) provider.train(data(),
                    TestData.tinySettings(EPOCHS, 17), progress::add, memory.resumingOnly());
            {
                List<WideResNet.Entry> expected = uninterrupted.network().entries();
                List<WideResNet.Entry> actual = resumed.network().entries();
                for (int i = 0; i < expected.size(); i++) {
                    assertArrayEquals(Tensors.values(expected.get(i).tensor()), Tensors.values(actual.get(i).tensor()),
                            expected.get(i).name() + " after resuming at step " + step);
                }
                assertArrayEquals(uninterrupted.predictSoftmax(PROBE), resumed.predictSoftmax(PROBE));
                if (step < 6) {
                    assertEquals(6, progress.get(progress.size() - 1).done(), "progress counts the steps before the resume");
                }
            }
        }
    }

    @Test
    void aStateOfAnotherBackendIsRefusedWithOneLine() {
        LibtorchTransformationClassifierProvider provider = new LibtorchTransformationClassifierProvider();
        TrainingCheckpoints foreign = new OfferedState("GEOTRANS-DL4J-TRAINING-STATE\n...".getBytes(),
                total -> new TrainingPosition(0, 2, 2, total));
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> provider.train(data(), TestData.tinySettings(EPOCHS, 17), ProgressListener.SILENT, foreign));
        assertEquals("the checkpoint does not hold a libtorch training state", e.getMessage());
    }
}
